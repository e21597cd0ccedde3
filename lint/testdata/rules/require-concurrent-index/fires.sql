-- migrate:revision 000000000001
-- migrate:message require-concurrent-index fires

-- migrate:upgrade
CREATE INDEX users_email_idx ON users (email);

CREATE UNIQUE INDEX ON public.accounts (slug);

-- migrate:downgrade
DROP INDEX users_email_idx;
