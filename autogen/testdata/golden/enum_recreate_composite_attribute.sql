-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_composite_attribute
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TYPE public.unit RENAME TO unit__old;

CREATE TYPE public.unit AS ENUM ('kg', 'g');

ALTER TYPE public.weight ALTER ATTRIBUTE unit TYPE public.unit;

-- hazard unsafe-cast (change-column-type): values of public.parcels.unit are converted to the recreated type public.unit; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.parcels.unit rewrites public.parcels
ALTER TABLE public.parcels ALTER COLUMN unit TYPE public.unit USING unit::text::public.unit;

DROP TYPE public.unit__old;

-- migrate:downgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.unit ADD VALUE 'lb' AFTER 'g';

