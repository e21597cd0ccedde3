-- A column read by a SQL-standard function body changes type.
CREATE TABLE stock (sku text PRIMARY KEY, qty bigint NOT NULL);
CREATE FUNCTION total_stock() RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT sum(qty) FROM stock;
END;
