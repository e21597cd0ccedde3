-- migrate:revision 0a1b2c3d4e5f
-- migrate:message matview_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP MATERIALIZED VIEW public.user_counts;

-- migrate:downgrade
CREATE MATERIALIZED VIEW public.user_counts AS
SELECT users.active,
    count(*) AS n
   FROM public.users
  GROUP BY users.active;

