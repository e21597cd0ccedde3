-- A table-level REVOKE also revokes the privilege on every column: column
-- privileges the target keeps or adds must be granted after it.
CREATE TABLE reports (id int PRIMARY KEY, title text, notes text);
GRANT SELECT (id, title) ON reports TO app_reader;
GRANT UPDATE ON reports TO app_writer;
GRANT UPDATE (notes) ON reports TO app_writer WITH GRANT OPTION;
