CREATE TABLE orders (id int NOT NULL, placed date NOT NULL, region text NOT NULL, PRIMARY KEY (id, placed, region)) PARTITION BY RANGE (placed);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE order_lines (order_id int NOT NULL, placed date NOT NULL, region text, qty int,
    CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id, placed, region) REFERENCES orders (id, placed, region));
