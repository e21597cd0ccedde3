CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE VIEW v1 AS SELECT id, name FROM users;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE id > 10;
