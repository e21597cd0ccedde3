CREATE TABLE orders (id int NOT NULL, placed date NOT NULL, PRIMARY KEY (id, placed)) PARTITION BY RANGE (placed);
CREATE TABLE orders_2023 PARTITION OF orders FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE order_lines (order_id int NOT NULL, placed date NOT NULL, FOREIGN KEY (order_id, placed) REFERENCES orders);
INSERT INTO orders VALUES (1, '2023-03-01'), (2, '2024-03-01');
INSERT INTO order_lines VALUES (2, '2024-03-01');
