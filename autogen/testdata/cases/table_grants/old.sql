CREATE TABLE t (id int);
GRANT SELECT ON t TO app_reader;
GRANT DELETE ON t TO app_admin;
