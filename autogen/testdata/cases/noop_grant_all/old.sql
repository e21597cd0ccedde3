CREATE TABLE t (id int);
GRANT ALL ON t TO app_admin;
