-- Extensions whose types, operators and opclasses the schema uses:
-- trigram search, hstore attributes, ltree paths, case-insensitive text.
CREATE EXTENSION pg_trgm;
CREATE EXTENSION hstore;
CREATE EXTENSION ltree;
CREATE EXTENSION citext;
CREATE TABLE products (
    id integer PRIMARY KEY,
    name citext NOT NULL,
    attrs hstore DEFAULT ''::hstore,
    path ltree
);
CREATE INDEX products_name_trgm_idx ON products USING gin ((name::text) gin_trgm_ops);
CREATE INDEX products_attrs_idx ON products USING gist (attrs);
CREATE INDEX products_path_idx ON products USING gist (path);
CREATE INDEX products_color_idx ON products ((attrs -> 'color'));
