CREATE TABLE t (a int DEFAULT 0, b text DEFAULT 'x', c numeric DEFAULT 1.5, d int DEFAULT -1);
