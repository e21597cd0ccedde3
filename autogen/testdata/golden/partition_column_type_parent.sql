-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_column_type_parent
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: this guard reads every row of public.measurements and stops the revision if converting public.measurements.v from numeric to double precision would change a value
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.measurements WHERE v IS DISTINCT FROM (v::double precision)::numeric;
    IF changed > 0 THEN
        RAISE EXCEPTION 'converting public.measurements.v from numeric to double precision would change % value(s)', changed
            USING ERRCODE = 'data_exception', HINT = 'Change those values first, or write the conversion by hand.';
    END IF;
END
$guard$;

-- hazard table-rewrite (change-column-type): changing the type of public.measurements.v from numeric to double precision rewrites public.measurements and its indexes
-- hazard unsafe-cast: converting public.measurements.v from numeric to double precision can round or trim values; the guard above stops the revision if it would change one, and the conversion fails if a value does not fit
ALTER TABLE public.measurements ALTER COLUMN v TYPE double precision;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.measurements.v from double precision to numeric rewrites public.measurements and its indexes
-- hazard unsafe-cast: converting public.measurements.v from double precision to numeric fails if a value does not convert
ALTER TABLE public.measurements ALTER COLUMN v TYPE numeric;

