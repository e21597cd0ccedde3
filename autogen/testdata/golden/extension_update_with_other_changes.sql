-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_update_with_other_changes
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER EXTENSION cube UPDATE TO '1.5';

ALTER TABLE public.points ADD COLUMN label text;

-- hazard index-build-blocks-writes (require-concurrent-index): index points_p is built without CONCURRENTLY: writes to public.points block until it is done
CREATE INDEX points_p ON public.points USING gist (p);

-- migrate:irreversible extension cube has no update path from version 1.5 to 1.4 on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run
-- The downgrade that cannot run, for reference:
-- -- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
-- DROP INDEX public.points_p;
--
-- -- hazard extension-no-update-path: extension cube has no update path from version 1.5 to 1.4 on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run
-- ALTER EXTENSION cube UPDATE TO '1.4';
--
-- -- hazard data-loss (drop-column): dropping column public.points.label deletes its data
-- ALTER TABLE public.points DROP COLUMN label;

