-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_enum_to_other_enum
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.walls.c from public.color to public.paint rewrites public.walls and its indexes
-- hazard unsafe-cast: converting public.walls.c from public.color to public.paint goes through text: it fails if a value is not a label of public.paint
ALTER TABLE public.walls ALTER COLUMN c TYPE public.paint USING c::text::public.paint;

-- hazard table-rewrite (change-column-type): changing the type of public.walls.cs from public.color[] to public.paint[] rewrites public.walls and its indexes
-- hazard unsafe-cast: converting public.walls.cs from public.color[] to public.paint[] goes through text: it fails if a value is not a label of public.paint[]
ALTER TABLE public.walls ALTER COLUMN cs TYPE public.paint[] USING cs::text[]::public.paint[];

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.walls.c from public.paint to public.color rewrites public.walls and its indexes
-- hazard unsafe-cast: converting public.walls.c from public.paint to public.color goes through text: it fails if a value is not a label of public.color
ALTER TABLE public.walls ALTER COLUMN c TYPE public.color USING c::text::public.color;

-- hazard table-rewrite (change-column-type): changing the type of public.walls.cs from public.paint[] to public.color[] rewrites public.walls and its indexes
-- hazard unsafe-cast: converting public.walls.cs from public.paint[] to public.color[] goes through text: it fails if a value is not a label of public.color[]
ALTER TABLE public.walls ALTER COLUMN cs TYPE public.color[] USING cs::text[]::public.color[];

