CREATE TABLE t (a int[], b text[][], c integer ARRAY);
