CREATE TYPE st AS ENUM ('draft', 'published');
CREATE DOMAIN pub_st AS st CHECK (VALUE <> 'draft');
CREATE TABLE posts (id int PRIMARY KEY, st st NOT NULL DEFAULT 'draft', ps pub_st,
  CONSTRAINT posts_pub_check CHECK (st <> 'published' OR id > 0));
CREATE INDEX posts_published ON posts (id) WHERE st = 'published';
CREATE INDEX posts_st ON posts (st);
CREATE FUNCTION is_pub(s st) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s = 'published' $$;
CREATE TABLE refs (id int PRIMARY KEY, st st, UNIQUE (id, st));
CREATE TABLE refs2 (id int, st st, FOREIGN KEY (id, st) REFERENCES refs (id, st));
