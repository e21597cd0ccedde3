-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_varbit_and_bit
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.flags.f from bit varying(16) to bit varying(8) rewrites public.flags and its indexes
-- hazard unsafe-cast: converting public.flags.f from bit varying(16) to bit varying(8) fails if a value is longer than 8 bits rather than cut it
ALTER TABLE public.flags ALTER COLUMN f TYPE bit varying(8);

-- hazard table-rewrite (change-column-type): changing the type of public.flags.g from bit(4) to bit varying(8) rewrites public.flags and its indexes
-- hazard unsafe-cast: converting public.flags.g from bit(4) to bit varying(8) fails if a value is longer than 8 bits rather than cut it
ALTER TABLE public.flags ALTER COLUMN g TYPE bit varying(8);

-- migrate:downgrade
-- hazard access-exclusive-lock (change-column-type): changing the type of public.flags.f takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.flags ALTER COLUMN f TYPE bit varying(16);

-- hazard table-rewrite (change-column-type): changing the type of public.flags.g from bit varying(8) to bit(4) rewrites public.flags and its indexes
-- hazard unsafe-cast: converting public.flags.g from bit varying(8) to bit(4) fails unless every value has exactly 4 bits
ALTER TABLE public.flags ALTER COLUMN g TYPE bit(4);

