-- migrate:revision 000000000007
-- migrate:message add-not-null-column fires

-- migrate:upgrade
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;

ALTER TABLE users ADD COLUMN region text NOT NULL DEFAULT NULL;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN region, DROP COLUMN tenant_id;
