-- SELECT * is expanded when a view is created: after a column is added the
-- declared views have one more column, so they are rebuilt.
CREATE TABLE people (id integer PRIMARY KEY, name text, email text);
CREATE VIEW everyone AS SELECT * FROM people;
CREATE VIEW everyone_named AS SELECT * FROM everyone WHERE name IS NOT NULL;
