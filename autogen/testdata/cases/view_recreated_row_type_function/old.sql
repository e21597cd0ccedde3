CREATE TABLE t (id int PRIMARY KEY, v int, w int);
CREATE VIEW positive AS SELECT id, v FROM t WHERE v > 0;
CREATE FUNCTION positive_rows() RETURNS SETOF positive LANGUAGE sql STABLE AS $$ SELECT * FROM positive $$;
COMMENT ON FUNCTION positive_rows() IS 'rows of positive';
CREATE VIEW counted AS SELECT count(*) AS n FROM positive_rows();
