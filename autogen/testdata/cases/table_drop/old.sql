CREATE TABLE leftovers (id int PRIMARY KEY, note text);
INSERT INTO leftovers VALUES (1, 'x');
