CREATE TABLE t (a char(3), b char);
