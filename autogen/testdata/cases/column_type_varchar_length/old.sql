CREATE TABLE t (id int PRIMARY KEY, name varchar(20));
INSERT INTO t VALUES (1, 'short');
