-- migrate:revision 000000000032
-- migrate:message nolint safe

-- migrate:upgrade
-- migrate:nolint drop-column,rename-column legacy_name is unused since 4.2
-- migrate:nolint drop-table, drop-column one list may continue after a comma
ALTER TABLE users DROP COLUMN legacy_name;

-- hazard data-loss: written by an older autogenerate (no rule id)
ALTER TABLE users DROP COLUMN other;

-- hazard data-loss (drop-column): written by autogenerate
ALTER TABLE users DROP COLUMN third;

-- migrate:downgrade
