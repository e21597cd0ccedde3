-- A serial column renamed: the sequence takes the name the new column
-- gives it, by RENAME.
CREATE TABLE t (id serial PRIMARY KEY, v text);
INSERT INTO t (v) VALUES ('a'), ('b'), ('c');
