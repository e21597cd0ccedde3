CREATE TABLE reports (id int PRIMARY KEY, title text, notes text);
GRANT SELECT ON reports TO app_reader;
GRANT SELECT (title) ON reports TO app_reader;
GRANT UPDATE ON reports TO app_writer WITH GRANT OPTION;
GRANT UPDATE (notes) ON reports TO app_writer WITH GRANT OPTION;
