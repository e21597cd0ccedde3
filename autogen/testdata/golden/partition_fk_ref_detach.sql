-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_fk_ref_detach
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_id_placed_fkey;

-- hazard access-exclusive-lock: DETACH PARTITION locks public.orders (ACCESS EXCLUSIVE)
ALTER TABLE public.orders DETACH PARTITION public.orders_2023;

-- hazard full-scan (foreign-key-not-valid): validating order_lines_order_id_placed_fkey scans every row of public.order_lines while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.order_lines ADD CONSTRAINT order_lines_order_id_placed_fkey FOREIGN KEY (order_id, placed) REFERENCES public.orders(id, placed);

-- migrate:downgrade
-- hazard full-scan: attaching public.orders_2023 scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.orders_2023 builds the indexes of public.orders on it
ALTER TABLE public.orders ATTACH PARTITION public.orders_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

