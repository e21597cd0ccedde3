CREATE TYPE color AS ENUM ('red', 'green');
CREATE TYPE paint AS ENUM ('red', 'green', 'blue');
CREATE TABLE walls (id int PRIMARY KEY, c paint, cs paint[]);
