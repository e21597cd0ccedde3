-- migrate:revision 000000000017
-- migrate:message the unique indexes were built CONCURRENTLY by the revision before

-- migrate:upgrade
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;

ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_id_idx;

-- migrate:downgrade
ALTER TABLE accounts DROP CONSTRAINT accounts_pkey;

ALTER TABLE users DROP CONSTRAINT users_email_key;
