-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_options
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER VIEW public.v SET (security_barrier=true);

-- migrate:downgrade
ALTER VIEW public.v RESET (security_barrier);

