-- migrate:revision 000000000018
-- migrate:message unique-constraint-without-index nolint

-- migrate:upgrade
-- migrate:nolint unique-constraint-without-index users is a lookup table of a dozen rows
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);

-- migrate:downgrade
ALTER TABLE users DROP CONSTRAINT users_email_key;
