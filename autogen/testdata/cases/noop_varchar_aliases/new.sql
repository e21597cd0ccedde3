CREATE TABLE t (a character varying(10), b varchar, c text);
