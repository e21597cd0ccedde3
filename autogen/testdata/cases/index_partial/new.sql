CREATE TABLE orders (id int PRIMARY KEY, shipped boolean, customer int);
CREATE INDEX orders_pending_idx ON orders (customer) WHERE NOT shipped;
