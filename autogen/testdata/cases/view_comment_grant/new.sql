CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE VIEW v AS SELECT id, name FROM users;
COMMENT ON VIEW v IS 'names only';
COMMENT ON COLUMN v.name IS 'display name';
GRANT SELECT ON v TO app_reader;
