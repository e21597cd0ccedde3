-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_drop_child
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-table): dropping table public.dog deletes its rows
DROP TABLE public.dog;

-- migrate:downgrade
CREATE TABLE public.dog (
    good boolean
) INHERITS (public.animal);

