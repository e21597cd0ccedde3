CREATE TABLE t (id int PRIMARY KEY, email text);
CREATE INDEX t_email_idx ON t (email);
