-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON CONSTRAINT email_at ON DOMAIN public.email IS 'needs an at sign';

COMMENT ON DOMAIN public.email IS 'an address';

-- migrate:downgrade
COMMENT ON CONSTRAINT email_at ON DOMAIN public.email IS NULL;

COMMENT ON DOMAIN public.email IS NULL;

