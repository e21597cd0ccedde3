CREATE TYPE status AS ENUM ('draft', 'review', 'published');
CREATE TABLE posts (id int PRIMARY KEY, status status NOT NULL DEFAULT 'draft');
INSERT INTO posts VALUES (1, 'published'), (2, 'draft');
