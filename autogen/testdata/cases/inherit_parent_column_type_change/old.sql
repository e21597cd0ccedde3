CREATE TABLE base (id int, amount int);
CREATE TABLE child (extra text) INHERITS (base);
INSERT INTO child VALUES (1, 5, 'e');
