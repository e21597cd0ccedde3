CREATE EXTENSION hstore VERSION '1.8';
CREATE TABLE settings (id int PRIMARY KEY, attrs hstore);
