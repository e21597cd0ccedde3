-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_create_older_version
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE EXTENSION IF NOT EXISTS seg WITH SCHEMA public VERSION '1.3';

ALTER TABLE public.t ADD COLUMN r public.seg;

COMMENT ON EXTENSION seg IS 'data type for representing line segments or floating-point intervals';

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.t.r deletes its data
ALTER TABLE public.t DROP COLUMN r;

-- hazard data-loss: dropping extension seg drops the objects it owns
DROP EXTENSION seg;

