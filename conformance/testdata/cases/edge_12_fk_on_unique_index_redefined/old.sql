CREATE TABLE products (id integer PRIMARY KEY, sku text NOT NULL);
CREATE UNIQUE INDEX products_sku_idx ON products (sku);
CREATE TABLE order_items (id integer PRIMARY KEY, sku text REFERENCES products (sku));
