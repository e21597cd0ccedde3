-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_add_second_parent
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.doc ADD COLUMN created date;

ALTER TABLE public.doc INHERIT public.dated;

-- migrate:downgrade
ALTER TABLE public.doc NO INHERIT public.dated;

-- hazard data-loss (drop-column): dropping column public.doc.created deletes its data
ALTER TABLE public.doc DROP COLUMN created;

