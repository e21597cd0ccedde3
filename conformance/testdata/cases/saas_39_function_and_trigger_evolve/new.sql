-- The trigger function learns to refuse negative stock, the trigger fires
-- on inserts too and only when the quantity changes, and a helper gains an
-- argument (a new overload replaces the old one).
CREATE TABLE stock (
    sku text PRIMARY KEY,
    quantity integer NOT NULL DEFAULT 0,
    reserved integer NOT NULL DEFAULT 0,
    updated_at timestamptz
);
CREATE FUNCTION stock_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.quantity < 0 THEN
        RAISE EXCEPTION 'negative stock for %', NEW.sku;
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER stock_touch BEFORE INSERT OR UPDATE OF quantity ON stock FOR EACH ROW EXECUTE FUNCTION stock_touch();
CREATE FUNCTION in_stock(p_sku text, p_wanted integer DEFAULT 1) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT quantity - reserved >= p_wanted FROM stock WHERE sku = p_sku
$$;
