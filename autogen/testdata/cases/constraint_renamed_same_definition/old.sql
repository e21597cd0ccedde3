CREATE TABLE t (id int, n int, CONSTRAINT n_check CHECK (n > 0));
