CREATE TYPE status AS ENUM ('active', 'inactive');
CREATE TABLE users (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'active');
CREATE INDEX users_inactive_idx ON users (id) WHERE status = 'inactive';
