-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_column_type_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.priced;

-- hazard table-rewrite (change-column-type): changing the type of public.items.price from integer to numeric(10,2) rewrites public.items and its indexes
-- hazard unsafe-cast: converting public.items.price from integer to numeric(10,2) fails if a value does not convert
ALTER TABLE public.items ALTER COLUMN price TYPE numeric(10,2);

CREATE VIEW public.priced AS
SELECT items.id,
    items.price
   FROM public.items
  WHERE (items.price > (0)::numeric);

-- migrate:downgrade
DROP VIEW public.priced;

-- hazard full-scan: this guard reads every row of public.items and stops the revision if converting public.items.price from numeric(10,2) to integer would change a value
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.items WHERE price IS DISTINCT FROM (price::integer)::numeric(10,2);
    IF changed > 0 THEN
        RAISE EXCEPTION 'converting public.items.price from numeric(10,2) to integer would change % value(s)', changed
            USING ERRCODE = 'data_exception', HINT = 'Change those values first, or write the conversion by hand.';
    END IF;
END
$guard$;

-- hazard table-rewrite (change-column-type): changing the type of public.items.price from numeric(10,2) to integer rewrites public.items and its indexes
-- hazard unsafe-cast: converting public.items.price from numeric(10,2) to integer can round or trim values; the guard above stops the revision if it would change one, and the conversion fails if a value does not fit
ALTER TABLE public.items ALTER COLUMN price TYPE integer;

CREATE VIEW public.priced AS
SELECT items.id,
    items.price
   FROM public.items
  WHERE (items.price > 0);

