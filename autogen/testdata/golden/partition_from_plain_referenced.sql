-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_from_plain_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_id_placed_fkey;

ALTER TABLE public.orders DROP CONSTRAINT orders_pkey;

-- hazard access-exclusive-lock (rename-table): renaming public.orders to orders_migrate_old breaks queries that still use the old name
ALTER TABLE public.orders RENAME TO orders_migrate_old;

CREATE TABLE public.orders (
    id integer NOT NULL,
    placed date NOT NULL,
    note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id, placed)
) PARTITION BY RANGE (placed);

CREATE TABLE public.orders_2024 PARTITION OF public.orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE public.orders_rest PARTITION OF public.orders DEFAULT;

-- hazard table-rewrite: every row of public.orders is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.orders (id, placed, note)
SELECT id, placed, note
FROM public.orders_migrate_old;

-- hazard full-scan (foreign-key-not-valid): validating order_lines_order_id_placed_fkey scans every row of public.order_lines while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.order_lines ADD CONSTRAINT order_lines_order_id_placed_fkey FOREIGN KEY (order_id, placed) REFERENCES public.orders(id, placed);

-- hazard data-loss (drop-table): dropping table public.orders_migrate_old deletes its rows
DROP TABLE public.orders_migrate_old;

-- migrate:downgrade
ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_id_placed_fkey;

ALTER TABLE public.orders DROP CONSTRAINT orders_pkey;

-- hazard access-exclusive-lock (rename-table): renaming public.orders to orders_migrate_old breaks queries that still use the old name
ALTER TABLE public.orders RENAME TO orders_migrate_old;

CREATE TABLE public.orders (
    id integer NOT NULL,
    placed date NOT NULL,
    note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id, placed)
);

-- hazard table-rewrite: every row of public.orders is copied into the recreated table under an ACCESS EXCLUSIVE lock
INSERT INTO public.orders (id, placed, note)
SELECT id, placed, note
FROM public.orders_migrate_old;

-- hazard full-scan (foreign-key-not-valid): validating order_lines_order_id_placed_fkey scans every row of public.order_lines while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.order_lines ADD CONSTRAINT order_lines_order_id_placed_fkey FOREIGN KEY (order_id, placed) REFERENCES public.orders(id, placed);

-- hazard data-loss (drop-table): dropping table public.orders_migrate_old deletes its rows
DROP TABLE public.orders_migrate_old;

