-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_comment_grant
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON SEQUENCE public.s IS 'numbers';

GRANT SELECT ON SEQUENCE public.s TO app_writer;

GRANT USAGE ON SEQUENCE public.s TO app_writer;

-- migrate:downgrade
COMMENT ON SEQUENCE public.s IS NULL;

REVOKE SELECT ON SEQUENCE public.s FROM app_writer;

REVOKE USAGE ON SEQUENCE public.s FROM app_writer;

