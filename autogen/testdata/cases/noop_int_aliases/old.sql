CREATE TABLE t (a int, b int4, c integer, d int8, e smallint);
