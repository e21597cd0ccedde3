CREATE TABLE stock (
    sku text PRIMARY KEY,
    quantity integer NOT NULL DEFAULT 0,
    updated_at timestamptz
);
CREATE FUNCTION stock_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER stock_touch BEFORE UPDATE ON stock FOR EACH ROW EXECUTE FUNCTION stock_touch();
CREATE FUNCTION in_stock(p_sku text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT quantity > 0 FROM stock WHERE sku = p_sku
$$;
