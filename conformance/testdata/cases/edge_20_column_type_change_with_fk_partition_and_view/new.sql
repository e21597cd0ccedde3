-- Ids widen to bigint through a foreign key into a partitioned table that
-- a view reads.
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint NOT NULL, customer_id bigint NOT NULL REFERENCES customers (id), day date NOT NULL, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE VIEW customer_orders AS SELECT c.id, count(o.id) AS n FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id;
