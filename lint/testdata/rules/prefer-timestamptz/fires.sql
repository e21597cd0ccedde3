-- migrate:revision 000000000028
-- migrate:message prefer-timestamptz fires

-- migrate:upgrade
CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp NOT NULL);

ALTER TABLE users ADD COLUMN seen_at timestamp(3) without time zone;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN seen_at;

DROP TABLE events;
