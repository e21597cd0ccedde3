CREATE TABLE t (id int PRIMARY KEY, code text);
CREATE INDEX t_code_idx ON t (code);
