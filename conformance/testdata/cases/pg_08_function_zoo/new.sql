-- Functions and procedures with OUT parameters, RETURNS TABLE, SETOF,
-- VARIADIC, defaults, overloads and every attribute.
CREATE TABLE items (id integer PRIMARY KEY, name text, price numeric);
CREATE FUNCTION item_name(p_id integer) RETURNS text LANGUAGE sql STABLE AS $$ SELECT name FROM items WHERE id = p_id $$;
CREATE FUNCTION item_name(p_id bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT name FROM items WHERE id = p_id $$;
CREATE FUNCTION price_stats(OUT lo numeric, OUT hi numeric, OUT avg numeric) LANGUAGE sql STABLE
    AS $$ SELECT min(price), max(price), avg(price) FROM items $$;
CREATE FUNCTION cheap_items(max_price numeric DEFAULT 10) RETURNS TABLE (id integer, name text) LANGUAGE sql STABLE ROWS 50
    AS $$ SELECT id, name FROM items WHERE price <= max_price $$;
CREATE FUNCTION all_items() RETURNS SETOF items LANGUAGE sql STABLE AS $$ SELECT * FROM items $$;
CREATE FUNCTION greatest_of(VARIADIC nums integer[]) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF COST 5
    AS $$ SELECT max(n) FROM unnest(nums) n $$;
CREATE FUNCTION set_price(p_id integer, p_price numeric) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp SET work_mem = '64MB'
AS $$
BEGIN
    UPDATE items SET price = p_price WHERE id = p_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no item %', p_id USING ERRCODE = 'no_data_found';
    END IF;
END;
$$;
CREATE PROCEDURE reprice(factor numeric, INOUT changed integer DEFAULT 0) LANGUAGE plpgsql AS $$
BEGIN
    UPDATE items SET price = price * factor;
    GET DIAGNOSTICS changed = ROW_COUNT;
    COMMIT;
END $$;
CREATE FUNCTION "sum of"(a integer, b integer DEFAULT 0) RETURNS integer LANGUAGE sql IMMUTABLE RETURN a + b;
