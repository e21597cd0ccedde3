-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_partial
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index orders_pending_idx is built without CONCURRENTLY: writes to public.orders block until it is done
CREATE INDEX orders_pending_idx ON public.orders USING btree (customer) WHERE (NOT shipped);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.orders_pending_idx;

