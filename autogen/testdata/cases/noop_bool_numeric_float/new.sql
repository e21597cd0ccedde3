CREATE TABLE t (a boolean, b numeric(10,2), c double precision, d real, e double precision);
