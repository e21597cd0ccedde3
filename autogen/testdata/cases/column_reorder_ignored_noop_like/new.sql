CREATE TABLE t (id int, a text, b text DEFAULT 'x', c int NOT NULL DEFAULT 0);
