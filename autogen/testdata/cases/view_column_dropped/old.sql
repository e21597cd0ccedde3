CREATE TABLE items (id int PRIMARY KEY, price int, legacy text);
CREATE VIEW item_view AS SELECT id, price, legacy FROM items;
