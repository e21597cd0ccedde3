-- migrate:revision 000000000002
-- migrate:message require-concurrent-index safe
-- migrate:transaction false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- A table created in the same revision holds no rows yet.
CREATE TABLE audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL);

CREATE INDEX audit_at_idx ON audit (at);

-- ON ONLY a partitioned parent builds nothing.
CREATE INDEX events_at_idx ON ONLY events (at);

-- migrate:downgrade
DROP INDEX CONCURRENTLY users_email_idx;
