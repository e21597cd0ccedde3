CREATE TABLE items (id integer PRIMARY KEY, name text, price numeric);
CREATE FUNCTION item_name(p_id integer) RETURNS text LANGUAGE sql STABLE AS $$ SELECT name FROM items WHERE id = p_id $$;
