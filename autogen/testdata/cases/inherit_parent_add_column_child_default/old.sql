CREATE TABLE base (id int);
CREATE TABLE child (extra text) INHERITS (base);
INSERT INTO child VALUES (1, 'a');
