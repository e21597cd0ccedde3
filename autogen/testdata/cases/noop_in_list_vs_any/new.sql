CREATE TABLE t (status text CONSTRAINT status_ok CHECK (status = ANY (ARRAY['a'::text, 'b'::text])));
