-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_gin
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index docs_body_idx is built without CONCURRENTLY: writes to public.docs block until it is done
CREATE INDEX docs_body_idx ON public.docs USING gin (body jsonb_path_ops);

-- hazard index-build-blocks-writes (require-concurrent-index): index docs_tags_idx is built without CONCURRENTLY: writes to public.docs block until it is done
CREATE INDEX docs_tags_idx ON public.docs USING gin (tags);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.docs_body_idx;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.docs_tags_idx;

