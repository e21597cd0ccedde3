-- migrate:revision 0a1b2c3d4e5f
-- migrate:message funcid_index_expression
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.tags_name_idx;

-- hazard index-build-blocks-writes (require-concurrent-index): index tags_name_idx is built without CONCURRENTLY: writes to public.tags block until it is done
CREATE INDEX tags_name_idx ON public.tags USING btree (public.lower(name));

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.tags_name_idx;

-- hazard index-build-blocks-writes (require-concurrent-index): index tags_name_idx is built without CONCURRENTLY: writes to public.tags block until it is done
CREATE INDEX tags_name_idx ON public.tags USING btree (lower(name));

