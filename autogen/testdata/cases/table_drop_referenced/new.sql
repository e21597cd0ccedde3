CREATE TABLE c (id int PRIMARY KEY, b_id int);
