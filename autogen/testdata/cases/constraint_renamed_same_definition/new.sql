CREATE TABLE t (id int, n int, CONSTRAINT n_positive CHECK (n > 0));
