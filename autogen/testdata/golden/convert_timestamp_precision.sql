-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_timestamp_precision
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: this guard reads every row of public.logs and stops the revision if converting public.logs.at from timestamp(6) with time zone to timestamp(0) with time zone would change a value
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.logs WHERE at IS DISTINCT FROM (at::timestamp(0) with time zone)::timestamp(6) with time zone;
    IF changed > 0 THEN
        RAISE EXCEPTION 'converting public.logs.at from timestamp(6) with time zone to timestamp(0) with time zone would change % value(s)', changed
            USING ERRCODE = 'data_exception', HINT = 'Change those values first, or write the conversion by hand.';
    END IF;
END
$guard$;

-- hazard table-rewrite (change-column-type): changing the type of public.logs.at from timestamp(6) with time zone to timestamp(0) with time zone rewrites public.logs and its indexes
-- hazard unsafe-cast: converting public.logs.at from timestamp(6) with time zone to timestamp(0) with time zone can round or trim values; the guard above stops the revision if it would change one, and the conversion fails if a value does not fit
ALTER TABLE public.logs ALTER COLUMN at TYPE timestamp(0) with time zone;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.logs.at from timestamp(0) with time zone to timestamp(6) with time zone rewrites public.logs and its indexes
ALTER TABLE public.logs ALTER COLUMN at TYPE timestamp(6) with time zone;

