-- migrate:revision 00000000000a
-- migrate:message change-column-type fires

-- migrate:upgrade
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);

-- migrate:downgrade
ALTER TABLE orders ALTER COLUMN total TYPE numeric(10,2);
