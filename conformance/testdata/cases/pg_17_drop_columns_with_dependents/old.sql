CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer text NOT NULL,
    legacy_code text,
    legacy_total numeric,
    status text NOT NULL DEFAULT 'new'
);
CREATE INDEX orders_legacy_idx ON orders (legacy_code, legacy_total);
CREATE VIEW legacy_orders AS SELECT id, legacy_code FROM orders WHERE legacy_code IS NOT NULL;
CREATE VIEW order_customers AS SELECT id, customer FROM orders;
CREATE FUNCTION orders_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_legacy_guard BEFORE UPDATE OF legacy_code ON orders FOR EACH ROW WHEN (NEW.legacy_total > 0) EXECUTE FUNCTION orders_guard();
ALTER TABLE orders ADD CONSTRAINT orders_legacy_check CHECK (legacy_total >= 0);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_legacy ON orders USING (legacy_code IS NULL OR status <> 'hidden');
