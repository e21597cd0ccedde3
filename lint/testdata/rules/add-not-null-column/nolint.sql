-- migrate:revision 000000000009
-- migrate:message add-not-null-column nolint

-- migrate:upgrade
-- migrate:nolint add-not-null-column users is empty in every environment: the feature ships today
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN tenant_id;
