CREATE TABLE a (id int);
CREATE TABLE b (bx int, tag text) INHERITS (a);
CREATE TABLE c (cx int) INHERITS (b);
