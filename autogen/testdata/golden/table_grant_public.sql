-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_grant_public
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
GRANT SELECT ON TABLE public.t TO PUBLIC;

-- migrate:downgrade
REVOKE SELECT ON TABLE public.t FROM PUBLIC;

