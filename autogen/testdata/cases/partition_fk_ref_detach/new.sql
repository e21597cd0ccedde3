CREATE TABLE orders (id int NOT NULL, placed date NOT NULL, PRIMARY KEY (id, placed)) PARTITION BY RANGE (placed);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE orders_2023 (id int NOT NULL, placed date NOT NULL, CONSTRAINT orders_2023_pkey PRIMARY KEY (id, placed));
CREATE TABLE order_lines (order_id int NOT NULL, placed date NOT NULL, FOREIGN KEY (order_id, placed) REFERENCES orders);
