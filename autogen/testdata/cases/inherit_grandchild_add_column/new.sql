CREATE TABLE a (id int, note text DEFAULT 'n/a');
CREATE TABLE b (bx int) INHERITS (a);
CREATE TABLE c (cx int) INHERITS (b);
