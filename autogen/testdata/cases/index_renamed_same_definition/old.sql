CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX idx_old ON t (a);
