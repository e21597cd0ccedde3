CREATE EXTENSION hstore VERSION '1.7';
CREATE TABLE settings (id int PRIMARY KEY, attrs hstore);
INSERT INTO settings VALUES (1, 'a=>1, b=>2'), (2, NULL);
