-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_remove_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.user_list;

CREATE VIEW public.user_list AS
SELECT users.id,
    users.name
   FROM public.users;

-- migrate:downgrade
DROP VIEW public.user_list;

CREATE VIEW public.user_list AS
SELECT users.id,
    users.name,
    users.email
   FROM public.users;

