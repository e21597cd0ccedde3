-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_pk_adopts_local_unique
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.items_a_uniq;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of items_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.items
ALTER TABLE public.items ADD CONSTRAINT items_pkey PRIMARY KEY (kind, id);

-- migrate:downgrade
ALTER TABLE public.items DROP CONSTRAINT items_pkey;

-- hazard index-build-blocks-writes (require-concurrent-index): index items_a_uniq is built without CONCURRENTLY: writes to public.items_a block until it is done
CREATE UNIQUE INDEX items_a_uniq ON public.items_a USING btree (kind, id);

