CREATE TABLE t (id int PRIMARY KEY, a int, b int, CONSTRAINT a_b CHECK (a < b));
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_ab_idx ON t (a, b);
