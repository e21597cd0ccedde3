CREATE TABLE items (id int PRIMARY KEY, price int);
CREATE VIEW priced AS SELECT id, price FROM items WHERE price > 0;
