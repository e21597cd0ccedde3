CREATE TABLE t (id int, a text);
COMMENT ON COLUMN t.a IS 'before';
