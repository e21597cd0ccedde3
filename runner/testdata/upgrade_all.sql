-- migrate offline script: upgrade base -> r2 (2 revisions)
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- One deployer at a time (the lock online runs take too).
SELECT pg_advisory_lock(-9184401733873576327);

CREATE SCHEMA IF NOT EXISTS "ops";

CREATE TABLE IF NOT EXISTS "ops"."versions" (
    version_num text NOT NULL PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS "ops"."migrate_history" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_num text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp', 'unstamp')),
    started_at timestamptz NOT NULL,
    duration interval NOT NULL,
    checksum text,
    tool_version text NOT NULL,
    db_user text NOT NULL DEFAULT current_user,
    message text
);

BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '60000ms';

-- Running upgrade  -> r1, revision r1
-- versions/r1.sql
SELECT set_config('migrate.started_at', clock_timestamp()::text, true);

CREATE TABLE users (
    id bigint PRIMARY KEY,
    name text -- the display name
);

WITH ins AS (INSERT INTO "ops"."versions" (version_num) VALUES ('r1'))
INSERT INTO "ops"."migrate_history" (version_num, direction, started_at, duration, checksum, tool_version, message)
    VALUES ('r1', 'upgrade', current_setting('migrate.started_at')::timestamptz, clock_timestamp() - current_setting('migrate.started_at')::timestamptz, 'upgrade:953b790b15acfef38d07adfb70754de3066092484782ab5abac1d545d8ea5847 downgrade:0b380ffbd9e17e134b0beb4dce5e2d377fccc97da404f50f2c1fbde86c6d53c2', 'migrate test', 'revision r1');

-- Running upgrade r1 -> r2, revision r2
-- versions/r2.sql
-- (the session is reset first: every revision starts from the same state)
RESET SESSION AUTHORIZATION;
RESET ROLE;
RESET ALL;
CLOSE ALL;
UNLISTEN *;
DEALLOCATE ALL;
DISCARD TEMP;
DISCARD SEQUENCES;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '60000ms';
SELECT set_config('migrate.started_at', clock_timestamp()::text, true);

INSERT INTO users VALUES (1, 'O''Brien\n');

WITH del AS (DELETE FROM "ops"."versions" WHERE version_num IN ('r1')),
     ins AS (INSERT INTO "ops"."versions" (version_num) VALUES ('r2'))
INSERT INTO "ops"."migrate_history" (version_num, direction, started_at, duration, checksum, tool_version, message)
    VALUES ('r2', 'upgrade', current_setting('migrate.started_at')::timestamptz, clock_timestamp() - current_setting('migrate.started_at')::timestamptz, 'upgrade:48e2bac737c542f6e555845c3f682826a9621d336d5fec96e63daeff92b5894f downgrade:8e84b3ce695a9d4a997ef61d82f8954066bb14105fdde6b0970799c6d98a0940', 'migrate test', 'revision r2');

COMMIT;

SELECT pg_advisory_unlock(-9184401733873576327);
