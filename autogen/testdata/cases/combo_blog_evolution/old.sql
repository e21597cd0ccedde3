CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id int NOT NULL REFERENCES authors,
    title varchar(100) NOT NULL,
    body text,
    published boolean NOT NULL DEFAULT false
);
CREATE INDEX posts_author_idx ON posts (author_id);
CREATE VIEW published_posts AS SELECT id, title FROM posts WHERE published;
INSERT INTO authors (name) VALUES ('ada');
INSERT INTO posts (author_id, title, published) VALUES (1, 'hello', true);
