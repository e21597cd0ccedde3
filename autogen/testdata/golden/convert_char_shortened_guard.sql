-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_char_shortened_guard
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: this guard reads every row of public.codes and stops the revision if converting public.codes.code from character(8) to character(4) would change a value
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.codes WHERE code IS DISTINCT FROM (code::character(4))::character(8);
    IF changed > 0 THEN
        RAISE EXCEPTION 'converting public.codes.code from character(8) to character(4) would change % value(s)', changed
            USING ERRCODE = 'data_exception', HINT = 'Change those values first, or write the conversion by hand.';
    END IF;
END
$guard$;

-- hazard table-rewrite (change-column-type): changing the type of public.codes.code from character(8) to character(4) rewrites public.codes and its indexes
-- hazard unsafe-cast: converting public.codes.code from character(8) to character(4) can round or trim values; the guard above stops the revision if it would change one, and the conversion fails if a value does not fit
ALTER TABLE public.codes ALTER COLUMN code TYPE character(4);

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.codes.code from character(4) to character(8) rewrites public.codes and its indexes
-- hazard unsafe-cast: converting public.codes.code from character(4) to character(8) fails if a value does not convert
ALTER TABLE public.codes ALTER COLUMN code TYPE character(8);

