-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_unique_index_attaches_local_pk
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of items_a_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.items_a
ALTER TABLE public.items_a ADD CONSTRAINT items_a_pkey PRIMARY KEY (kind, id);

CREATE UNIQUE INDEX items_kind_id ON ONLY public.items USING btree (kind, id);

ALTER INDEX public.items_kind_id ATTACH PARTITION public.items_a_pkey;

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
-- hazard access-exclusive-lock: CASCADE also drops the constraints public.items_a.items_a_pkey whose indexes are attached to public.items_kind_id
DROP INDEX public.items_kind_id CASCADE;

