CREATE TABLE t (ident serial PRIMARY KEY, v text);
