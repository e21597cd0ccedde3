CREATE TABLE orders (id int NOT NULL, placed date NOT NULL, note text, PRIMARY KEY (id, placed)) PARTITION BY RANGE (placed);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE orders_rest PARTITION OF orders DEFAULT;
CREATE TABLE order_lines (order_id int NOT NULL, placed date NOT NULL, qty int, FOREIGN KEY (order_id, placed) REFERENCES orders);
