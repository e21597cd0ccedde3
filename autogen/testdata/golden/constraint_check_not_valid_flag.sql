-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_check_not_valid_flag
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ADD CONSTRAINT t_n_check CHECK ((n <> 0)) NOT VALID;

-- hazard full-scan: validation scans public.t with a SHARE UPDATE EXCLUSIVE lock (writes continue)
ALTER TABLE public.t VALIDATE CONSTRAINT t_n_check;

-- migrate:downgrade
ALTER TABLE public.t DROP CONSTRAINT t_n_check;

