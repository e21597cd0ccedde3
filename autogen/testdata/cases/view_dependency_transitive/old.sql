CREATE TABLE items (id int PRIMARY KEY, qty smallint);
CREATE VIEW v_items AS SELECT id, qty FROM items;
CREATE VIEW v_totals AS SELECT sum(qty) AS total FROM v_items;
