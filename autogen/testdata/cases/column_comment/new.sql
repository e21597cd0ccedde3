CREATE TABLE t (id int, a text, b text);
COMMENT ON COLUMN t.a IS 'after';
COMMENT ON COLUMN t.b IS 'new column';
