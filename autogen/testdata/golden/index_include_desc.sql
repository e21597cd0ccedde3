-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_include_desc
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index events_at_idx is built without CONCURRENTLY: writes to public.events block until it is done
CREATE INDEX events_at_idx ON public.events USING btree (at DESC NULLS LAST) INCLUDE (kind);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.events_at_idx;

