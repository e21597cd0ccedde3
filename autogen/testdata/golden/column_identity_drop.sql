-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_identity_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss: the counter of the identity of public.t.id is lost with its sequence
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

-- migrate:downgrade
ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

SELECT setval(pg_get_serial_sequence('public.t', 'id')::regclass, max(id)) FROM public.t HAVING max(id) >= 1;

