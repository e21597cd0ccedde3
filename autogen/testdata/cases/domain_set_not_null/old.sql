CREATE DOMAIN label AS text;
CREATE TABLE items (id int PRIMARY KEY, l label);
INSERT INTO items VALUES (1, 'x');
