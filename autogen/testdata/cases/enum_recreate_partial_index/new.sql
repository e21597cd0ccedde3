CREATE TYPE st AS ENUM ('draft', 'review', 'published');
CREATE TABLE posts (id int PRIMARY KEY, st st NOT NULL DEFAULT 'draft');
CREATE INDEX posts_published_idx ON posts (id) WHERE st = 'published';
CREATE INDEX posts_st_idx ON posts (st);
