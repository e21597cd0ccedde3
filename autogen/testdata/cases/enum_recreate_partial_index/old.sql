-- The downgrade of an added value recreates the enum: a partial index
-- comparing the column with a literal is dropped and built again around
-- the conversion (else: operator does not exist: st = st__old).
CREATE TYPE st AS ENUM ('draft', 'published');
CREATE TABLE posts (id int PRIMARY KEY, st st NOT NULL DEFAULT 'draft');
CREATE INDEX posts_published_idx ON posts (id) WHERE st = 'published';
CREATE INDEX posts_st_idx ON posts (st);
INSERT INTO posts VALUES (1, 'draft'), (2, 'published');
