-- migrate:revision 000000000003
-- migrate:message require-concurrent-index nolint

-- migrate:upgrade
-- migrate:nolint require-concurrent-index users holds 40 rows and is written once a day
CREATE INDEX users_email_idx ON users (email);

-- migrate:downgrade
DROP INDEX users_email_idx;
