CREATE SEQUENCE t_id_seq AS integer;
CREATE TABLE t (ident integer NOT NULL DEFAULT nextval('t_id_seq'::regclass) CONSTRAINT t_pkey PRIMARY KEY, v text);
ALTER SEQUENCE t_id_seq OWNED BY t.ident;
