-- migrate:revision 000000000005
-- migrate:message concurrent-in-transaction safe
-- migrate:transaction false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- migrate:downgrade
DROP INDEX CONCURRENTLY users_email_idx;
