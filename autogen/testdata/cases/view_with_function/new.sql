CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE FUNCTION double_it(x int) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT x::bigint * 2';
CREATE VIEW doubled AS SELECT id, double_it(v) AS d FROM t;
