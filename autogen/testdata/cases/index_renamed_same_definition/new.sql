CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX idx_new ON t (a);
