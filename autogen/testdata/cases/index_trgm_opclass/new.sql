CREATE EXTENSION pg_trgm;
CREATE TABLE t (id int PRIMARY KEY, name text);
CREATE INDEX t_name_trgm ON t USING gist (name gist_trgm_ops);
