-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_quoted_names
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public."Order" (
    "Id" integer NOT NULL,
    "select" text,
    "user" text,
    "weird ""name""" integer,
    CONSTRAINT "Order_pkey" PRIMARY KEY ("Id")
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.Order deletes its rows
DROP TABLE public."Order";

