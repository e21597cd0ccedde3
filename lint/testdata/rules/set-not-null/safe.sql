-- migrate:revision 000000000014
-- migrate:message set-not-null safe

-- migrate:upgrade
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;

ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;

ALTER TABLE users ALTER COLUMN email SET NOT NULL;

ALTER TABLE users DROP CONSTRAINT users_email_not_null;

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
