-- migrate:revision 000000000006
-- migrate:message concurrent-in-transaction nolint

-- migrate:upgrade
-- migrate:nolint concurrent-in-transaction the deploy script runs this file by hand with psql
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- migrate:downgrade
