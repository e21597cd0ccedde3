CREATE TABLE products (id int CONSTRAINT items_pkey PRIMARY KEY, name text);
CREATE VIEW item_names AS SELECT name FROM products;
