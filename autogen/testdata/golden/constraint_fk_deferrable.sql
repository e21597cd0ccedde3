-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_fk_deferrable
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.b DROP CONSTRAINT b_a_fk;

-- hazard full-scan (foreign-key-not-valid): validating b_a_fk scans every row of public.b while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES public.a(id) DEFERRABLE INITIALLY DEFERRED;

-- migrate:downgrade
ALTER TABLE public.b DROP CONSTRAINT b_a_fk;

-- hazard full-scan (foreign-key-not-valid): validating b_a_fk scans every row of public.b while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES public.a(id);

