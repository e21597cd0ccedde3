-- migrate:revision 0a1b2c3d4e5f
-- migrate:message trigger_enable_always_replica
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.docs ENABLE ALWAYS TRIGGER t1;

ALTER TABLE public.docs ENABLE REPLICA TRIGGER t2;

-- migrate:downgrade
ALTER TABLE public.docs ENABLE TRIGGER t1;

ALTER TABLE public.docs ENABLE TRIGGER t2;

