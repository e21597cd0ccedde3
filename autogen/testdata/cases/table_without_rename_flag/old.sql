CREATE TABLE old_name (id int PRIMARY KEY);
