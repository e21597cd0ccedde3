CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM users;
CREATE UNIQUE INDEX mv_id_idx ON mv (id);
CREATE INDEX mv_name_idx ON mv (name);
