-- migrate:revision 0a1b2c3d4e5f
-- migrate:message churn_duplicate_unique_index_keeps_fk
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.codes_code_dup;

-- migrate:downgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index codes_code_dup is built without CONCURRENTLY: writes to public.codes block until it is done
CREATE UNIQUE INDEX codes_code_dup ON public.codes USING btree (code);

