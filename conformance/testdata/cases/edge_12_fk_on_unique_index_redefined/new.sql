-- The unique index a foreign key relies on is redefined (now partial
-- NULLS NOT DISTINCT is not allowed for FKs, so INCLUDE a column).
CREATE TABLE products (id integer PRIMARY KEY, sku text NOT NULL, name text);
CREATE UNIQUE INDEX products_sku_idx ON products (sku) INCLUDE (name);
CREATE TABLE order_items (id integer PRIMARY KEY, sku text REFERENCES products (sku));
