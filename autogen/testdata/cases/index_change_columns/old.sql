CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX t_ab_idx ON t (a);
