-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_generated_indexed
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.t_email_lower_idx;

-- hazard data-loss (drop-column): dropping column public.t.email_lower deletes its data
ALTER TABLE public.t DROP COLUMN email_lower;

-- hazard table-rewrite (volatile-default): a stored generated column public.t.email_lower is computed for every row, rewriting the table
ALTER TABLE public.t ADD COLUMN email_lower text GENERATED ALWAYS AS (lower(TRIM(BOTH FROM email))) STORED;

-- hazard index-build-blocks-writes (require-concurrent-index): index t_email_lower_idx is built without CONCURRENTLY: writes to public.t block until it is done
CREATE UNIQUE INDEX t_email_lower_idx ON public.t USING btree (email_lower);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.t_email_lower_idx;

-- hazard data-loss (drop-column): dropping column public.t.email_lower deletes its data
ALTER TABLE public.t DROP COLUMN email_lower;

-- hazard table-rewrite (volatile-default): a stored generated column public.t.email_lower is computed for every row, rewriting the table
ALTER TABLE public.t ADD COLUMN email_lower text GENERATED ALWAYS AS (lower(email)) STORED;

-- hazard index-build-blocks-writes (require-concurrent-index): index t_email_lower_idx is built without CONCURRENTLY: writes to public.t block until it is done
CREATE UNIQUE INDEX t_email_lower_idx ON public.t USING btree (email_lower);

