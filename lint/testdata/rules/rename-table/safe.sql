-- migrate:revision 000000000023
-- migrate:message rename-table safe

-- migrate:upgrade
CREATE TABLE clients_new (id bigint);

ALTER TABLE clients_new RENAME TO clients;

-- migrate:downgrade
DROP TABLE clients;
