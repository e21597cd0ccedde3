-- migrate:revision 0a1b2c3d4e5f
-- migrate:message matview_options_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER MATERIALIZED VIEW public.mv SET (fillfactor=50);

COMMENT ON MATERIALIZED VIEW public.mv IS 'cached names';

-- migrate:downgrade
ALTER MATERIALIZED VIEW public.mv RESET (fillfactor);

COMMENT ON MATERIALIZED VIEW public.mv IS NULL;

