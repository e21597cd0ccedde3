CREATE TABLE items (id int PRIMARY KEY, price int);
CREATE VIEW item_view AS SELECT id, price FROM items;
