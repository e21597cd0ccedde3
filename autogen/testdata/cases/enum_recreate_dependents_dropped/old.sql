CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TYPE swatch AS (main color, accent color);
CREATE DOMAIN warm_color AS color CHECK (VALUE <> 'blue');
CREATE FUNCTION is_red(c color) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c = 'red' $$;
CREATE TABLE paints (id int PRIMARY KEY, color color NOT NULL, palette color[], swatch swatch, warm warm_color);
