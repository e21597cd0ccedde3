CREATE TABLE t (a varchar(10), b character varying, c text);
