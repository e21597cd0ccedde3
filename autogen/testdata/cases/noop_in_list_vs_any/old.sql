CREATE TABLE t (status text CONSTRAINT status_ok CHECK (status IN ('a', 'b')));
