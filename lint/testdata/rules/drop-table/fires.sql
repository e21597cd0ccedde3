-- migrate:revision 00000000001c
-- migrate:message drop-table fires

-- migrate:upgrade
DROP TABLE sessions;

DROP SCHEMA reporting CASCADE;

-- migrate:downgrade
CREATE TABLE sessions (id bigint);
