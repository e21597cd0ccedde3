-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_concurrent_children
-- migrate:created 2026-01-02T03:04:05Z
-- migrate:transaction false

-- migrate:upgrade
CREATE INDEX hits_page_idx ON ONLY public.hits USING btree (page);

CREATE INDEX CONCURRENTLY hits_2024_page_idx ON public.hits_2024 USING btree (page);

ALTER INDEX public.hits_page_idx ATTACH PARTITION public.hits_2024_page_idx;

CREATE INDEX CONCURRENTLY hits_2025_page_idx ON public.hits_2025 USING btree (page);

ALTER INDEX public.hits_page_idx ATTACH PARTITION public.hits_2025_page_idx;

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.hits_page_idx;

