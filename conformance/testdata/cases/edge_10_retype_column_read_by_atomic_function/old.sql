CREATE TABLE stock (sku text PRIMARY KEY, qty integer NOT NULL);
CREATE FUNCTION total_stock() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT sum(qty) FROM stock;
END;
