-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_cte_join
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS app;

CREATE TABLE app.customers (
    id integer NOT NULL,
    name text,
    CONSTRAINT customers_pkey PRIMARY KEY (id)
);

CREATE TABLE app.orders (
    id integer NOT NULL,
    customer integer,
    total numeric,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

CREATE VIEW app.top_customers AS
WITH totals AS (
         SELECT orders.customer,
            sum(orders.total) AS s
           FROM app.orders
          GROUP BY orders.customer
        )
 SELECT c.name,
    t.s
   FROM (app.customers c
     JOIN totals t ON ((t.customer = c.id)))
  ORDER BY t.s DESC
 LIMIT 10;

-- migrate:downgrade
DROP VIEW app.top_customers;

-- hazard data-loss (drop-table): dropping table app.orders deletes its rows
DROP TABLE app.orders;

-- hazard data-loss (drop-table): dropping table app.customers deletes its rows
DROP TABLE app.customers;

DROP SCHEMA app;

