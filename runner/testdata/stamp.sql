-- migrate offline script: stamp r1 -> r2
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

BEGIN;
WITH del AS (DELETE FROM "public"."migrate_version" WHERE version_num IN ('r1')),
     ins AS (INSERT INTO "public"."migrate_version" (version_num) VALUES ('r2'))
INSERT INTO "public"."migrate_history" (version_num, direction, started_at, duration, checksum, tool_version, message)
    VALUES ('r2', 'stamp', now(), clock_timestamp() - now(), 'upgrade:48e2bac737c542f6e555845c3f682826a9621d336d5fec96e63daeff92b5894f downgrade:8e84b3ce695a9d4a997ef61d82f8954066bb14105fdde6b0970799c6d98a0940', 'migrate test', 'revision r2');
COMMIT;

SELECT pg_advisory_unlock(2986052072393465531);
