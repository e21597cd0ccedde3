-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_add_value_first
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.size ADD VALUE 'xs' BEFORE 'm';

-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.size ADD VALUE 's' AFTER 'xs';

-- migrate:downgrade
ALTER TYPE public.size RENAME TO size__old;

CREATE TYPE public.size AS ENUM ('m', 'l');

DROP TYPE public.size__old;

