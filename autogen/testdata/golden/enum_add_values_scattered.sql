-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_add_values_scattered
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.weekday ADD VALUE 'mon' BEFORE 'tue';

-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.weekday ADD VALUE 'wed' AFTER 'tue';

-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.weekday ADD VALUE 'fri' AFTER 'thu';

-- migrate:downgrade
ALTER TYPE public.weekday RENAME TO weekday__old;

CREATE TYPE public.weekday AS ENUM ('tue', 'thu');

DROP TYPE public.weekday__old;

