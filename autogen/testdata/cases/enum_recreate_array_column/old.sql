CREATE TYPE color AS ENUM ('red', 'green', 'blue', 'black');
CREATE TABLE palettes (id int PRIMARY KEY, colors color[] NOT NULL DEFAULT '{}');
INSERT INTO palettes VALUES (1, '{red,blue}');
