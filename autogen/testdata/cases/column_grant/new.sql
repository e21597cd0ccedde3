CREATE TABLE t (id int, secret text, name text);
GRANT SELECT (id, name) ON t TO app_reader;
GRANT UPDATE (name) ON t TO app_writer;
