-- migrate:revision 00000000001d
-- migrate:message drop-table safe

-- migrate:upgrade
CREATE SCHEMA staging;

CREATE TABLE staging.imports (id bigint);

DROP TABLE staging.imports;

CREATE TABLE tokens (id bigint);

-- migrate:downgrade
DROP TABLE tokens;

DROP SCHEMA staging CASCADE;
