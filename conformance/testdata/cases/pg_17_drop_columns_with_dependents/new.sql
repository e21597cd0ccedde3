-- Legacy columns go, with the index, view, trigger, check and policy that
-- use them; an unrelated view stays.
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer text NOT NULL,
    status text NOT NULL DEFAULT 'new'
);
CREATE VIEW order_customers AS SELECT id, customer FROM orders;
CREATE FUNCTION orders_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_visible ON orders USING (status <> 'hidden');
