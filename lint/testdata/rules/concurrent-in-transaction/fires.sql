-- migrate:revision 000000000004
-- migrate:message concurrent-in-transaction fires

-- migrate:upgrade
SET lock_timeout = '3s';

CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- migrate:downgrade
DROP INDEX CONCURRENTLY users_email_idx;
