-- migrate:revision 0a1b2c3d4e5f
-- migrate:message composite_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TYPE public.money_amount AS (currency character(3), cents bigint);

CREATE TABLE public.orders (
    id integer NOT NULL,
    total public.money_amount,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.orders deletes its rows
DROP TABLE public.orders;

DROP TYPE public.money_amount;

