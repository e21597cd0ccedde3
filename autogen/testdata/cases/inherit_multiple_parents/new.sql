CREATE TABLE a (x int);
CREATE TABLE b (y int);
CREATE TABLE ab (z int) INHERITS (a, b);
