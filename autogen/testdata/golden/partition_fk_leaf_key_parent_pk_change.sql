-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_fk_leaf_key_parent_pk_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.notes DROP CONSTRAINT notes_log_id_day_fkey;

ALTER TABLE public.logs DROP CONSTRAINT logs_pkey;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of logs_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.logs
ALTER TABLE public.logs ADD CONSTRAINT logs_pkey PRIMARY KEY (id, day, src);

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of logs_2024_id_day_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.logs_2024
ALTER TABLE public.logs_2024 ADD CONSTRAINT logs_2024_id_day_key UNIQUE (id, day);

-- hazard full-scan (foreign-key-not-valid): validating notes_log_id_day_fkey scans every row of public.notes while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.notes ADD CONSTRAINT notes_log_id_day_fkey FOREIGN KEY (log_id, day) REFERENCES public.logs_2024(id, day);

-- migrate:downgrade
ALTER TABLE public.notes DROP CONSTRAINT notes_log_id_day_fkey;

ALTER TABLE public.logs DROP CONSTRAINT logs_pkey;

ALTER TABLE public.logs_2024 DROP CONSTRAINT logs_2024_id_day_key;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of logs_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.logs
ALTER TABLE public.logs ADD CONSTRAINT logs_pkey PRIMARY KEY (id, day);

-- hazard full-scan (foreign-key-not-valid): validating notes_log_id_day_fkey scans every row of public.notes while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.notes ADD CONSTRAINT notes_log_id_day_fkey FOREIGN KEY (log_id, day) REFERENCES public.logs_2024(id, day);

