-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ADD COLUMN b text;

COMMENT ON COLUMN public.t.a IS 'after';

COMMENT ON COLUMN public.t.b IS 'new column';

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.t.b deletes its data
ALTER TABLE public.t DROP COLUMN b;

COMMENT ON COLUMN public.t.a IS 'before';

