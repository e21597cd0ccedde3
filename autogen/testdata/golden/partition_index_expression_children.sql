-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_expression_children
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index people_lower_name is built without CONCURRENTLY: writes to public.people block until it is done
CREATE INDEX people_lower_name ON public.people USING btree (lower(name)) INCLUDE (id);

-- hazard index-build-blocks-writes (require-concurrent-index): index people_region_id is built without CONCURRENTLY: writes to public.people block until it is done
CREATE UNIQUE INDEX people_region_id ON public.people USING btree (region, id) WHERE (name IS NOT NULL);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.people_lower_name;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.people_region_id;

