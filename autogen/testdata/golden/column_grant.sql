-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_grant
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
GRANT SELECT (id) ON TABLE public.t TO app_reader;

GRANT SELECT (name) ON TABLE public.t TO app_reader;

GRANT UPDATE (name) ON TABLE public.t TO app_writer;

-- migrate:downgrade
REVOKE SELECT (id) ON TABLE public.t FROM app_reader;

REVOKE SELECT (name) ON TABLE public.t FROM app_reader;

REVOKE UPDATE (name) ON TABLE public.t FROM app_writer;

