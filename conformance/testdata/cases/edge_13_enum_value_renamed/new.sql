-- A value is renamed (seen as one removed and one added: the type is
-- recreated) while a partial index names the removed value... which the
-- target no longer has.
CREATE TYPE status AS ENUM ('active', 'suspended');
CREATE TABLE users (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'active');
CREATE INDEX users_suspended_idx ON users (id) WHERE status = 'suspended';
