CREATE TABLE orders (id int NOT NULL, placed date NOT NULL, note text, PRIMARY KEY (id, placed));
CREATE TABLE order_lines (order_id int NOT NULL, placed date NOT NULL, qty int, FOREIGN KEY (order_id, placed) REFERENCES orders);
INSERT INTO orders VALUES (1, '2024-03-01', 'a'), (2, '2025-06-01', 'b');
INSERT INTO order_lines VALUES (1, '2024-03-01', 2), (2, '2025-06-01', 3);
