-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_numeric_scale_guard
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: this guard reads every row of public.prices and stops the revision if converting public.prices.amount from numeric(10,4) to numeric(10,2) would change a value
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.prices WHERE amount IS DISTINCT FROM (amount::numeric(10,2))::numeric(10,4);
    IF changed > 0 THEN
        RAISE EXCEPTION 'converting public.prices.amount from numeric(10,4) to numeric(10,2) would change % value(s)', changed
            USING ERRCODE = 'data_exception', HINT = 'Change those values first, or write the conversion by hand.';
    END IF;
END
$guard$;

-- hazard table-rewrite (change-column-type): changing the type of public.prices.amount from numeric(10,4) to numeric(10,2) rewrites public.prices and its indexes
-- hazard unsafe-cast: converting public.prices.amount from numeric(10,4) to numeric(10,2) can round or trim values; the guard above stops the revision if it would change one, and the conversion fails if a value does not fit
ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(10,2);

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.prices.amount from numeric(10,2) to numeric(10,4) rewrites public.prices and its indexes
-- hazard unsafe-cast: converting public.prices.amount from numeric(10,2) to numeric(10,4) fails if a value does not convert
ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(10,4);

