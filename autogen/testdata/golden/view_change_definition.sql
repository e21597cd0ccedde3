-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_change_definition
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.active_users;

CREATE VIEW public.active_users AS
SELECT users.id,
    users.name,
    users.email
   FROM public.users
  WHERE (users.active AND (users.email IS NOT NULL));

-- migrate:downgrade
DROP VIEW public.active_users;

CREATE VIEW public.active_users AS
SELECT users.id,
    users.name
   FROM public.users
  WHERE users.active;

