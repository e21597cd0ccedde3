CREATE TABLE t (s text CONSTRAINT s_like CHECK (s LIKE 'a%'));
