-- Functions using a view's row type (RETURNS SETOF view, a view-typed
-- argument) are created after that view, and views calling them after
-- them: table, view, functions, view.
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW positive AS SELECT id, v FROM t WHERE v > 0;
CREATE FUNCTION positive_rows() RETURNS SETOF positive LANGUAGE sql STABLE AS $$ SELECT * FROM positive $$;
CREATE FUNCTION double_it(p positive) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT p.v * 2 $$;
CREATE FUNCTION positive_count() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM positive;
END;
CREATE VIEW doubled AS SELECT id, double_it(p) AS v2 FROM positive_rows() p;
