CREATE TABLE products (id int PRIMARY KEY, sku varchar(32) NOT NULL);
