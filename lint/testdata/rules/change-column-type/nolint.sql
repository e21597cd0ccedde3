-- migrate:revision 00000000000c
-- migrate:message change-column-type nolint

-- migrate:upgrade
-- migrate:nolint change-column-type orders is an archive table nobody writes to
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);

-- migrate:downgrade
