-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_validate
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: validation scans public.t with a SHARE UPDATE EXCLUSIVE lock (writes continue)
ALTER TABLE public.t VALIDATE CONSTRAINT n_positive;

-- migrate:downgrade
ALTER TABLE public.t DROP CONSTRAINT n_positive;

ALTER TABLE public.t ADD CONSTRAINT n_positive CHECK ((n > 0)) NOT VALID;

