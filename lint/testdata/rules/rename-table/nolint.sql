-- migrate:revision 000000000024
-- migrate:message rename-table nolint

-- migrate:upgrade
-- migrate:nolint rename-table customers is only read by the nightly export, which is paused
ALTER TABLE customers RENAME TO clients;

-- migrate:downgrade
ALTER TABLE clients RENAME TO customers;
