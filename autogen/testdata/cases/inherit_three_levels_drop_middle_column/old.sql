CREATE TABLE a (id int, tag text);
CREATE TABLE b (bx int) INHERITS (a);
CREATE TABLE c (cx int) INHERITS (b);
INSERT INTO c VALUES (1, 't', 2, 3);
