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
