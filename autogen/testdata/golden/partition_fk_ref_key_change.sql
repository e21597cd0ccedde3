-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_fk_ref_key_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_fk;

ALTER TABLE public.orders DROP CONSTRAINT orders_pkey;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of orders_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id, placed, region);

-- hazard full-scan (foreign-key-not-valid): validating order_lines_order_fk scans every row of public.order_lines while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id, placed, region) REFERENCES public.orders(id, placed, region);

-- migrate:downgrade
ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_fk;

ALTER TABLE public.orders DROP CONSTRAINT orders_pkey;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of orders_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id, placed);

-- hazard full-scan (foreign-key-not-valid): validating order_lines_order_fk scans every row of public.order_lines while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id, placed) REFERENCES public.orders(id, placed);

