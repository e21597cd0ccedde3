-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_int_to_text_assignment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.n from integer to text rewrites public.t and its indexes
ALTER TABLE public.t ALTER COLUMN n TYPE text;

-- hazard table-rewrite (change-column-type): changing the type of public.t.b from boolean to text rewrites public.t and its indexes
ALTER TABLE public.t ALTER COLUMN b TYPE text;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.n from text to integer rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.n from text to integer fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer;

-- hazard table-rewrite (change-column-type): changing the type of public.t.b from text to boolean rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.b from text to boolean fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN b TYPE boolean USING b::boolean;

