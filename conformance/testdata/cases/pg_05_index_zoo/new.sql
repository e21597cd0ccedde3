-- Index methods, orderings, collations, opclasses, INCLUDE, storage
-- parameters, predicates and expressions.
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
CREATE INDEX docs_title_idx ON docs (title COLLATE "C" DESC NULLS LAST) INCLUDE (id);
CREATE INDEX docs_title_hash_idx ON docs USING hash (title);
CREATE INDEX docs_created_brin_idx ON docs USING brin (created) WITH (pages_per_range = 32);
CREATE INDEX docs_during_idx ON docs USING gist (during);
CREATE INDEX docs_client_idx ON docs USING spgist (client);
CREATE INDEX docs_tags_idx ON docs USING gin (tags);
CREATE INDEX docs_fts_idx ON docs USING gin (fts) WITH (fastupdate = off);
CREATE INDEX docs_body_prefix_idx ON docs (body text_pattern_ops) WHERE body IS NOT NULL;
CREATE INDEX docs_score_idx ON docs (score) WITH (fillfactor = 70) WHERE score > 0 AND title IN ('a', 'b');
CREATE INDEX docs_year_idx ON docs ((extract(year FROM created AT TIME ZONE 'UTC')));
CREATE UNIQUE INDEX docs_lower_title_key ON docs (lower(title), (coalesce(body, ''))) NULLS NOT DISTINCT;
CREATE INDEX CONCURRENTLY docs_id_title_idx ON docs (id, title);
