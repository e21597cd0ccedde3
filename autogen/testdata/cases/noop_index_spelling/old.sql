CREATE TABLE t (a int, b text);
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_b_idx ON t (lower(b)) WHERE (a > 0);
