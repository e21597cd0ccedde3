-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_dependents_dropped
-- migrate:created 2026-01-02T03:04:05Z
-- migrate:transaction false

-- migrate:upgrade
-- hazard full-scan: this guard reads every row of public.paints before the revision changes anything, and stops it if public.paints.color holds a value the recreated type public.color does not have (the revision runs outside a transaction)
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.paints WHERE color::text <> ALL (ARRAY['red', 'green']::text[]);
    IF changed > 0 THEN
        RAISE EXCEPTION 'public.paints.color: % row(s) hold a value the recreated type public.color does not have; nothing was changed', changed
            USING ERRCODE = 'data_exception', HINT = 'Change or delete those rows first, then run the revision again.';
    END IF;
END
$guard$;

-- hazard full-scan: this guard reads every row of public.paints before the revision changes anything, and stops it if public.paints.palette holds a value the recreated type public.color does not have (the revision runs outside a transaction)
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.paints WHERE EXISTS (SELECT FROM unnest(palette) AS v WHERE v::text <> ALL (ARRAY['red', 'green']::text[]));
    IF changed > 0 THEN
        RAISE EXCEPTION 'public.paints.palette: % row(s) hold a value the recreated type public.color does not have; nothing was changed', changed
            USING ERRCODE = 'data_exception', HINT = 'Change or delete those rows first, then run the revision again.';
    END IF;
END
$guard$;

DROP FUNCTION public.is_red(c public.color);

ALTER TYPE public.color RENAME TO color__old;

CREATE TYPE public.color AS ENUM ('red', 'green');

-- hazard data-loss (drop-column): dropping column public.paints.swatch deletes its data
ALTER TABLE public.paints DROP COLUMN swatch;

-- hazard data-loss (drop-column): dropping column public.paints.warm deletes its data
ALTER TABLE public.paints DROP COLUMN warm;

-- hazard unsafe-cast (change-column-type): values of public.paints.color are converted to the recreated type public.color; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.paints.color rewrites public.paints
ALTER TABLE public.paints ALTER COLUMN color TYPE public.color USING color::text::public.color;

-- hazard unsafe-cast (change-column-type): values of public.paints.palette are converted to the recreated type public.color[]; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.paints.palette rewrites public.paints
ALTER TABLE public.paints ALTER COLUMN palette TYPE public.color[] USING palette::text[]::public.color[];

DROP TYPE public.swatch;

DROP DOMAIN public.warm_color;

DROP TYPE public.color__old;

-- migrate:downgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.color ADD VALUE 'blue' AFTER 'green';

CREATE DOMAIN public.warm_color AS public.color CONSTRAINT warm_color_check CHECK ((VALUE <> 'blue'::public.color));

CREATE TYPE public.swatch AS (main public.color, accent public.color);

SET check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.is_red(c public.color)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT c = 'red' $function$;

ALTER TABLE public.paints ADD COLUMN swatch public.swatch;

ALTER TABLE public.paints ADD COLUMN warm public.warm_color;

