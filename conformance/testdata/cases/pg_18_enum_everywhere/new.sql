-- An enum grows and is used by a composite type, a domain, an array
-- column, a function argument, a check and a partial index.
CREATE TYPE color AS ENUM ('red', 'orange', 'green', 'blue');
CREATE TYPE swatch AS (main color, accent color);
CREATE DOMAIN warm_color AS color CHECK (VALUE IN ('red', 'orange'));
CREATE TABLE paints (
    id integer PRIMARY KEY,
    color color NOT NULL,
    palette color[] DEFAULT '{}',
    swatch swatch,
    warm warm_color,
    CONSTRAINT paints_not_blue CHECK (color <> 'blue')
);
CREATE INDEX paints_red_idx ON paints (id) WHERE color = 'red';
CREATE FUNCTION paints_of(c color) RETURNS SETOF paints LANGUAGE sql STABLE AS $$ SELECT * FROM paints WHERE color = c $$;
