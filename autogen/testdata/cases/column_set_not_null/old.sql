CREATE TABLE t (id int PRIMARY KEY, name text);
INSERT INTO t VALUES (1, 'x');
