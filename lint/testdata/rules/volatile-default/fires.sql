-- migrate:revision 000000000025
-- migrate:message volatile-default fires

-- migrate:upgrade
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();

ALTER TABLE users ADD COLUMN seq serial;

ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;

ALTER TABLE users ADD COLUMN code text DEFAULT make_code();

-- migrate:downgrade
ALTER TABLE users DROP COLUMN code, DROP COLUMN n, DROP COLUMN seq, DROP COLUMN token;
