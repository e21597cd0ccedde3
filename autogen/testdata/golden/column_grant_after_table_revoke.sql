-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_grant_after_table_revoke
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
REVOKE GRANT OPTION FOR UPDATE ON TABLE public.reports FROM app_writer;

REVOKE SELECT ON TABLE public.reports FROM app_reader;

GRANT SELECT (id) ON TABLE public.reports TO app_reader;

GRANT SELECT (title) ON TABLE public.reports TO app_reader;

GRANT UPDATE (notes) ON TABLE public.reports TO app_writer WITH GRANT OPTION;

-- migrate:downgrade
GRANT SELECT ON TABLE public.reports TO app_reader;

GRANT UPDATE ON TABLE public.reports TO app_writer WITH GRANT OPTION;

REVOKE SELECT (id) ON TABLE public.reports FROM app_reader;

