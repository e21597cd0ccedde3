CREATE TABLE t (id int PRIMARY KEY, email text, email_lower text GENERATED ALWAYS AS (lower(email)) STORED);
CREATE UNIQUE INDEX t_email_lower_idx ON t (email_lower);
