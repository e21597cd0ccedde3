CREATE TABLE people (id integer PRIMARY KEY, name text);
CREATE VIEW everyone AS SELECT * FROM people;
CREATE VIEW everyone_named AS SELECT * FROM everyone WHERE name IS NOT NULL;
