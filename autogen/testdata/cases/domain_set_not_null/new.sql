CREATE DOMAIN label AS text NOT NULL;
CREATE TABLE items (id int PRIMARY KEY, l label);
