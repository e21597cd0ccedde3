-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_owner_column_dropped
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER SEQUENCE public.s OWNED BY NONE;

-- hazard data-loss (drop-column): dropping column public.t.a deletes its data
ALTER TABLE public.t DROP COLUMN a;

-- migrate:downgrade
ALTER TABLE public.t ADD COLUMN a integer;

ALTER SEQUENCE public.s OWNED BY public.t.a;

