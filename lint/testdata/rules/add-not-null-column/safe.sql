-- migrate:revision 000000000008
-- migrate:message add-not-null-column safe

-- migrate:upgrade
ALTER TABLE users ADD COLUMN tenant_id bigint;

ALTER TABLE users ADD COLUMN region text NOT NULL DEFAULT 'eu';

CREATE TABLE teams (id bigint PRIMARY KEY);

ALTER TABLE teams ADD COLUMN name text NOT NULL;

-- migrate:downgrade
DROP TABLE teams;

ALTER TABLE users DROP COLUMN region, DROP COLUMN tenant_id;
