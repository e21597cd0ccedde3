CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE palettes (id int PRIMARY KEY, colors color[] NOT NULL DEFAULT '{}');
