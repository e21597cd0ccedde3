-- Changing the type of a column no view reads leaves the views (and the
-- views built on them) alone; the view reading it is recreated.
CREATE TABLE orders (id int PRIMARY KEY, total int, note varchar(20));
CREATE VIEW order_totals AS SELECT id, total FROM orders;
CREATE VIEW big_orders AS SELECT id FROM order_totals WHERE total > 100;
CREATE VIEW order_notes AS SELECT id, note FROM orders;
INSERT INTO orders VALUES (1, 150, 'n');
