-- migrate offline script: downgrade r3 -> base (3 revisions)
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- One deployer at a time (the lock online runs take too).
SELECT pg_advisory_lock(2986052072393465531);

CREATE TABLE IF NOT EXISTS "public"."migrate_version" (
    version_num text NOT NULL PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS "public"."migrate_history" (
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

-- Running downgrade r3 -> r2, revision r3
-- versions/r3.sql
-- transaction false: each statement commits on its own
SET lock_timeout = '3000ms';
SET statement_timeout = '60000ms';
SELECT set_config('migrate.started_at', clock_timestamp()::text, false);

DROP INDEX CONCURRENTLY users_name;

BEGIN;
WITH del AS (DELETE FROM "public"."migrate_version" WHERE version_num IN ('r3')),
     ins AS (INSERT INTO "public"."migrate_version" (version_num) VALUES ('r2'))
INSERT INTO "public"."migrate_history" (version_num, direction, started_at, duration, checksum, tool_version, message)
    VALUES ('r3', 'downgrade', current_setting('migrate.started_at')::timestamptz, clock_timestamp() - current_setting('migrate.started_at')::timestamptz, 'upgrade:883a997d4f51067771b49808762373e89acaba8375c8d757efc6a2335987f9e8 downgrade:e7282c7e3d7c32f40819302348617100751393128c942ebe80e6aa241323e1b5', 'migrate test', 'revision r3');
COMMIT;

RESET lock_timeout;
RESET statement_timeout;

-- Running downgrade r2 -> r1, revision r2
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
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '60000ms';

DELETE FROM users WHERE id = 1;

WITH del AS (DELETE FROM "public"."migrate_version" WHERE version_num IN ('r2')),
     ins AS (INSERT INTO "public"."migrate_version" (version_num) VALUES ('r1'))
INSERT INTO "public"."migrate_history" (version_num, direction, started_at, duration, checksum, tool_version, message)
    VALUES ('r2', 'downgrade', now(), clock_timestamp() - now(), 'upgrade:48e2bac737c542f6e555845c3f682826a9621d336d5fec96e63daeff92b5894f downgrade:8e84b3ce695a9d4a997ef61d82f8954066bb14105fdde6b0970799c6d98a0940', 'migrate test', 'revision r2');
COMMIT;

-- Running downgrade r1 -> , revision r1
-- versions/r1.sql
-- (the session is reset first: every revision starts from the same state)
RESET SESSION AUTHORIZATION;
RESET ROLE;
RESET ALL;
CLOSE ALL;
UNLISTEN *;
DEALLOCATE ALL;
DISCARD TEMP;
DISCARD SEQUENCES;
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '60000ms';

DROP TABLE users;

WITH del AS (DELETE FROM "public"."migrate_version" WHERE version_num IN ('r1'))
INSERT INTO "public"."migrate_history" (version_num, direction, started_at, duration, checksum, tool_version, message)
    VALUES ('r1', 'downgrade', now(), clock_timestamp() - now(), 'upgrade:953b790b15acfef38d07adfb70754de3066092484782ab5abac1d545d8ea5847 downgrade:0b380ffbd9e17e134b0beb4dce5e2d377fccc97da404f50f2c1fbde86c6d53c2', 'migrate test', 'revision r1');
COMMIT;

SELECT pg_advisory_unlock(2986052072393465531);
