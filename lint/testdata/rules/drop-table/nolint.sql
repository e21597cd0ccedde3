-- migrate:revision 00000000001e
-- migrate:message drop-table nolint

-- migrate:upgrade
-- migrate:nolint drop-table sessions moved to redis in release 5; the table has been empty since
DROP TABLE sessions;

-- migrate:downgrade
CREATE TABLE sessions (id bigint);
