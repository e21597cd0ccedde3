-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_identity_add_nullable
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.t under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.t ALTER COLUMN id SET NOT NULL;

ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

SELECT setval(pg_get_serial_sequence('public.t', 'id')::regclass, max(id)) FROM public.t HAVING max(id) >= 1;

-- migrate:downgrade
-- hazard data-loss: the counter of the identity of public.t.id is lost with its sequence
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

ALTER TABLE public.t ALTER COLUMN id DROP NOT NULL;

