CREATE TABLE docs (id int PRIMARY KEY, tags text[], body jsonb);
CREATE INDEX docs_tags_idx ON docs USING gin (tags);
CREATE INDEX docs_body_idx ON docs USING gin (body jsonb_path_ops);
