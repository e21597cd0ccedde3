CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL, CONSTRAINT tags_name_key UNIQUE (name));
CREATE INDEX tags_lookup ON tags (name, id);
