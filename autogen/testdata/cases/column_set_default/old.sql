CREATE TABLE t (id int PRIMARY KEY, qty int);
