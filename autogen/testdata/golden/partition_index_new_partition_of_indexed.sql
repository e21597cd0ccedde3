-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_new_partition_of_indexed
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.readings_q2 PARTITION OF public.readings FOR VALUES FROM ('2024-04-01 00:00:00+00') TO ('2024-07-01 00:00:00+00');

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.readings_q2 deletes its rows
DROP TABLE public.readings_q2;

