-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_drop_column_with_index_and_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t DROP CONSTRAINT a_b;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.t_a_idx;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.t_ab_idx;

-- hazard data-loss (drop-column): dropping column public.t.a deletes its data
ALTER TABLE public.t DROP COLUMN a;

-- migrate:downgrade
ALTER TABLE public.t ADD COLUMN a integer;

-- hazard full-scan (check-not-valid): validating a_b scans every row of public.t while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.t ADD CONSTRAINT a_b CHECK ((a < b));

-- hazard index-build-blocks-writes (require-concurrent-index): index t_a_idx is built without CONCURRENTLY: writes to public.t block until it is done
CREATE INDEX t_a_idx ON public.t USING btree (a);

-- hazard index-build-blocks-writes (require-concurrent-index): index t_ab_idx is built without CONCURRENTLY: writes to public.t block until it is done
CREATE INDEX t_ab_idx ON public.t USING btree (a, b);

