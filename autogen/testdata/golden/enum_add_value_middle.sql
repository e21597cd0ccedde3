-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_add_value_middle
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.level ADD VALUE 'medium' AFTER 'low';

-- migrate:downgrade
ALTER TYPE public.level RENAME TO level__old;

CREATE TYPE public.level AS ENUM ('low', 'high');

DROP TYPE public.level__old;

