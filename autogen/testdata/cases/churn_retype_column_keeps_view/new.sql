CREATE TABLE orders (id int PRIMARY KEY, total int, note text);
CREATE VIEW order_totals AS SELECT id, total FROM orders;
CREATE VIEW big_orders AS SELECT id FROM order_totals WHERE total > 100;
CREATE VIEW order_notes AS SELECT id, note FROM orders;
