CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE MATERIALIZED VIEW mv WITH (fillfactor = 50) AS SELECT id, name FROM users;
COMMENT ON MATERIALIZED VIEW mv IS 'cached names';
