CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE MATERIALIZED VIEW summary AS SELECT count(*) AS n FROM users;
