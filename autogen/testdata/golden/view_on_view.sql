-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_on_view
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.v2;

DROP VIEW public.v1;

CREATE VIEW public.v1 AS
SELECT users.id,
    users.name,
    users.email
   FROM public.users;

CREATE VIEW public.v2 AS
SELECT v1.id
   FROM public.v1
  WHERE (v1.id > 10);

-- migrate:downgrade
DROP VIEW public.v2;

DROP VIEW public.v1;

CREATE VIEW public.v1 AS
SELECT users.id,
    users.name
   FROM public.users;

CREATE VIEW public.v2 AS
SELECT v1.id
   FROM public.v1
  WHERE (v1.id > 10);

