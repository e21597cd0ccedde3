CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE VIEW v AS SELECT id, name FROM users;
