-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_float_to_int_guard
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: this guard reads every row of public.m and stops the revision if converting public.m.q from double precision to integer would change a value
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.m WHERE q IS DISTINCT FROM (q::integer)::double precision;
    IF changed > 0 THEN
        RAISE EXCEPTION 'converting public.m.q from double precision to integer would change % value(s)', changed
            USING ERRCODE = 'data_exception', HINT = 'Change those values first, or write the conversion by hand.';
    END IF;
END
$guard$;

-- hazard table-rewrite (change-column-type): changing the type of public.m.q from double precision to integer rewrites public.m and its indexes
-- hazard unsafe-cast: converting public.m.q from double precision to integer can round or trim values; the guard above stops the revision if it would change one, and the conversion fails if a value does not fit
ALTER TABLE public.m ALTER COLUMN q TYPE integer;

-- hazard table-rewrite (change-column-type): changing the type of public.m.n from integer to bigint rewrites public.m and its indexes
ALTER TABLE public.m ALTER COLUMN n TYPE bigint;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.m.q from integer to double precision rewrites public.m and its indexes
ALTER TABLE public.m ALTER COLUMN q TYPE double precision;

-- hazard table-rewrite (change-column-type): changing the type of public.m.n from bigint to integer rewrites public.m and its indexes
-- hazard unsafe-cast: converting public.m.n from bigint to integer fails if a value does not convert
ALTER TABLE public.m ALTER COLUMN n TYPE integer;

