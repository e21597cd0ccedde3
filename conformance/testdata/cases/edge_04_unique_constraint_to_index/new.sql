-- The unique constraint becomes a unique index of the same name (and back
-- in the downgrade); a plain index becomes a unique constraint.
CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL, CONSTRAINT tags_lookup UNIQUE (name, id));
CREATE UNIQUE INDEX tags_name_key ON tags (lower(name));
