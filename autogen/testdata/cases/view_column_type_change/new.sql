CREATE TABLE items (id int PRIMARY KEY, price numeric(10,2));
CREATE VIEW priced AS SELECT id, price FROM items WHERE price > 0;
