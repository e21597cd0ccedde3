-- One enum to another: no cast between them, so values go through text,
-- label by label.
CREATE TYPE color AS ENUM ('red', 'green');
CREATE TYPE paint AS ENUM ('red', 'green', 'blue');
CREATE TABLE walls (id int PRIMARY KEY, c color, cs color[]);
INSERT INTO walls VALUES (1, 'red', '{red,green}');
