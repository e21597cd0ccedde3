-- text -> varchar(32) has an assignment conversion: no USING, so a value
-- too long stops the upgrade instead of being cut.
CREATE TABLE products (id int PRIMARY KEY, sku text NOT NULL);
INSERT INTO products VALUES (1, 'ABC-123'), (2, repeat('x', 32));
