-- A view calls a function that reads another view's rows (row type in the
-- signature), which reads the table: created table, view, function, view.
CREATE TABLE t (id integer PRIMARY KEY, v integer);
CREATE VIEW positive AS SELECT id, v FROM t WHERE v > 0;
CREATE FUNCTION positive_rows() RETURNS SETOF positive LANGUAGE sql STABLE AS $$ SELECT * FROM positive $$;
CREATE FUNCTION double_it(p positive) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p.v * 2 $$;
CREATE VIEW doubled AS SELECT id, double_it(p) AS v2 FROM positive_rows() p;
