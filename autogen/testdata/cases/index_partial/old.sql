CREATE TABLE orders (id int PRIMARY KEY, shipped boolean, customer int);
