-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_drop_subpartitioned
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.sales_day_idx;

-- migrate:downgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index sales_day_idx is built without CONCURRENTLY: writes to public.sales block until it is done
CREATE INDEX sales_day_idx ON public.sales USING btree (day);

