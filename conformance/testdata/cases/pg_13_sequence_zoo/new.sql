-- Sequences of every shape: descending, cycling, cached, small, unlogged,
-- owned, shared by two tables.
CREATE SEQUENCE s_plain AS bigint START 100 INCREMENT 5 CACHE 10;
CREATE SEQUENCE s_desc INCREMENT BY -2 MINVALUE -1000 MAXVALUE -1 START WITH -1 CYCLE;
CREATE SEQUENCE s_small AS smallint MAXVALUE 1000 CYCLE;
CREATE UNLOGGED SEQUENCE s_unlogged;
CREATE SEQUENCE s_shared;
CREATE TABLE t (id integer PRIMARY KEY DEFAULT nextval('s_plain'), other bigint DEFAULT nextval('s_shared'));
CREATE TABLE u (id integer PRIMARY KEY DEFAULT nextval('s_shared'), small smallint DEFAULT nextval('s_small'));
ALTER SEQUENCE s_small OWNED BY u.small;
