CREATE TYPE post_state AS ENUM ('draft', 'published', 'archived');
CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id int NOT NULL REFERENCES authors ON DELETE CASCADE,
    title varchar(200) NOT NULL,
    body text,
    state post_state NOT NULL DEFAULT 'draft',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posts_author_idx ON posts (author_id, created_at DESC);
CREATE TABLE tags (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE post_tags (post_id int REFERENCES posts ON DELETE CASCADE, tag_id int REFERENCES tags, PRIMARY KEY (post_id, tag_id));
CREATE VIEW published_posts AS SELECT id, title, created_at FROM posts WHERE state = 'published';
COMMENT ON TABLE posts IS 'blog posts';

CREATE SCHEMA audit;
CREATE TABLE audit.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload jsonb)
    PARTITION BY RANGE (id);
CREATE TABLE audit.events_0 PARTITION OF audit.events FOR VALUES FROM (0) TO (1000000);
CREATE FUNCTION audit.log_post() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit.events (payload) VALUES (to_jsonb(NEW));
    RETURN NEW;
END $$;
CREATE TRIGGER posts_audit AFTER INSERT ON posts FOR EACH ROW EXECUTE FUNCTION audit.log_post();
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY posts_visible ON posts FOR SELECT TO app_reader USING (state = 'published');
CREATE MATERIALIZED VIEW audit.post_counts AS SELECT author_id, count(*) AS n FROM posts GROUP BY author_id;
CREATE UNIQUE INDEX post_counts_author_idx ON audit.post_counts (author_id);
GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_reader;
