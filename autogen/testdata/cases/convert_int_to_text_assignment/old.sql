-- Any type converts to text on assignment: no USING either way back is
-- needed... but text -> integer is explicit (USING n::integer).
CREATE TABLE t (id int PRIMARY KEY, n integer, b boolean);
INSERT INTO t VALUES (1, 42, true);
