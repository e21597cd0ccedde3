-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE VIEW public.active_users AS
SELECT users.id,
    users.name
   FROM public.users
  WHERE users.active;

-- migrate:downgrade
DROP VIEW public.active_users;

