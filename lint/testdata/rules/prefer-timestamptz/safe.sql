-- migrate:revision 000000000029
-- migrate:message prefer-timestamptz safe

-- migrate:upgrade
CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamptz NOT NULL, day date);

ALTER TABLE users ADD COLUMN seen_at timestamp with time zone;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN seen_at;

DROP TABLE events;
