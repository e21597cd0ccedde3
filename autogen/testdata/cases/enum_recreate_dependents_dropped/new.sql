-- A value is removed (the enum is recreated) while the composite type,
-- domain and function built on it go away: the old copy of the enum is
-- dropped after them.
CREATE TYPE color AS ENUM ('red', 'green');
CREATE TABLE paints (id int PRIMARY KEY, color color NOT NULL, palette color[]);
