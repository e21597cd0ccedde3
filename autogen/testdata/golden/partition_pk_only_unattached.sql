-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_pk_only_unattached
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (unique-constraint-without-index): adding PRIMARY KEY items_pkey on public.items builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes
ALTER TABLE ONLY public.items ADD CONSTRAINT items_pkey PRIMARY KEY (kind, id);

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of items_a_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.items_a
ALTER TABLE public.items_a ADD CONSTRAINT items_a_pkey PRIMARY KEY (kind, id);

ALTER INDEX public.items_pkey ATTACH PARTITION public.items_a_pkey;

-- hazard index-build-blocks-writes (require-concurrent-index): index items_b_kind_id is built without CONCURRENTLY: writes to public.items_b block until it is done
CREATE UNIQUE INDEX items_b_kind_id ON public.items_b USING btree (kind, id);

-- migrate:downgrade
ALTER TABLE public.items DROP CONSTRAINT items_pkey;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.items_b_kind_id;

