-- DROP INDEX CONCURRENTLY of an index no view depends on leaves the views
-- alone (and so does dropping the column it indexed).
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_b_idx ON t (b);
CREATE VIEW v AS SELECT id, b FROM t;
INSERT INTO t VALUES (1, 1, 'x');
