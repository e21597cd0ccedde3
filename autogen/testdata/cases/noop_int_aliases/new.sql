CREATE TABLE t (a integer, b integer, c int, d bigint, e int2);
