-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_check_option
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER VIEW public.v SET (check_option=cascaded);

-- migrate:downgrade
ALTER VIEW public.v RESET (check_option);

