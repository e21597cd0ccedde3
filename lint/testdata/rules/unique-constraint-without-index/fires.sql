-- migrate:revision 000000000016
-- migrate:message unique-constraint-without-index fires

-- migrate:upgrade
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);

ALTER TABLE accounts ADD PRIMARY KEY (id);

-- migrate:downgrade
ALTER TABLE accounts DROP CONSTRAINT accounts_pkey;

ALTER TABLE users DROP CONSTRAINT users_email_key;
