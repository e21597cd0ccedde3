CREATE TABLE t (s text CONSTRAINT s_like CHECK (s ~~ 'a%'::text));
