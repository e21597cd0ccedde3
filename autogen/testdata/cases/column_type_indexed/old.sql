CREATE TABLE t (id int PRIMARY KEY, code varchar(10));
CREATE INDEX t_code_idx ON t (code);
