CREATE TABLE t (id int PRIMARY KEY, email text);
CREATE UNIQUE INDEX t_email_idx ON t (email);
