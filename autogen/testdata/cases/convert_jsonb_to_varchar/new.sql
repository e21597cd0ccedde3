CREATE TABLE docs (id int PRIMARY KEY, meta varchar(100));
