CREATE TABLE t (id int);
GRANT SELECT ON t TO app_reader;
GRANT INSERT ON t TO app_writer;
