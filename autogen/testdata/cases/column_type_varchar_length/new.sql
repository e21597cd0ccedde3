CREATE TABLE t (id int PRIMARY KEY, name varchar(100));
