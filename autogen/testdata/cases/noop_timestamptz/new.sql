CREATE TABLE t (a timestamp with time zone, b timestamp without time zone, c time with time zone);
