-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_grants
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
GRANT SELECT ON TABLE public.t TO app_reader WITH GRANT OPTION;

GRANT INSERT ON TABLE public.t TO app_writer;

GRANT SELECT ON TABLE public.t TO app_writer;

GRANT UPDATE ON TABLE public.t TO app_writer;

REVOKE DELETE ON TABLE public.t FROM app_admin;

-- migrate:downgrade
GRANT DELETE ON TABLE public.t TO app_admin;

REVOKE GRANT OPTION FOR SELECT ON TABLE public.t FROM app_reader;

REVOKE INSERT ON TABLE public.t FROM app_writer;

REVOKE SELECT ON TABLE public.t FROM app_writer;

REVOKE UPDATE ON TABLE public.t FROM app_writer;

