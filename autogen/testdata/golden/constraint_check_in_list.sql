-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_check_in_list
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan (check-not-valid): validating t_status_check scans every row of public.t while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.t ADD CONSTRAINT t_status_check CHECK (((status)::text = ANY ((ARRAY['open'::character varying, 'closed'::character varying])::text[])));

-- migrate:downgrade
ALTER TABLE public.t DROP CONSTRAINT t_status_check;

