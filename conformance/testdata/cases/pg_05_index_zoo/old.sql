CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    body text,
    tags text[],
    created timestamptz NOT NULL,
    client inet,
    during tstzrange,
    score numeric,
    fts tsvector
);
CREATE INDEX docs_title_idx ON docs (title);
