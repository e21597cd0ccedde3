CREATE TABLE t (id int);
GRANT INSERT ON t TO app_writer;
GRANT SELECT ON t TO app_reader;
