-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_parent_add_column_child_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.base ADD COLUMN prio integer DEFAULT 1;

ALTER TABLE public.child ALTER COLUMN prio SET DEFAULT 5;

-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.child under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.child ALTER COLUMN prio SET NOT NULL;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.base.prio deletes its data
ALTER TABLE public.base DROP COLUMN prio;

