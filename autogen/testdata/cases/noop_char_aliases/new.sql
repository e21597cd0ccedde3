CREATE TABLE t (a character(3), b character(1));
