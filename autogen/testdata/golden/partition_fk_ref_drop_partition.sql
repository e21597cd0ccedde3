-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_fk_ref_drop_partition
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_id_placed_fkey;

-- hazard data-loss (drop-table): dropping table public.orders_2023 deletes its rows
DROP TABLE public.orders_2023;

-- hazard full-scan (foreign-key-not-valid): validating order_lines_order_id_placed_fkey scans every row of public.order_lines while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.order_lines ADD CONSTRAINT order_lines_order_id_placed_fkey FOREIGN KEY (order_id, placed) REFERENCES public.orders(id, placed);

-- migrate:downgrade
CREATE TABLE public.orders_2023 PARTITION OF public.orders FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

