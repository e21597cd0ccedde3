-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_brin_hash
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index log_at_idx is built without CONCURRENTLY: writes to public.log block until it is done
CREATE INDEX log_at_idx ON public.log USING brin (at) WITH (pages_per_range='64');

-- hazard index-build-blocks-writes (require-concurrent-index): index log_token_idx is built without CONCURRENTLY: writes to public.log block until it is done
CREATE INDEX log_token_idx ON public.log USING hash (token);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.log_at_idx;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.log_token_idx;

