-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_enum_recreate_with_view
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.red_cars;

ALTER TYPE public.color RENAME TO color__old;

CREATE TYPE public.color AS ENUM ('red', 'green', 'blue');

-- hazard unsafe-cast (change-column-type): values of public.cars.color are converted to the recreated type public.color; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.cars.color rewrites public.cars
ALTER TABLE public.cars ALTER COLUMN color TYPE public.color USING color::text::public.color;

DROP TYPE public.color__old;

CREATE VIEW public.red_cars AS
SELECT cars.id
   FROM public.cars
  WHERE (cars.color = 'red'::public.color);

-- migrate:downgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.color ADD VALUE 'purple' AFTER 'blue';

