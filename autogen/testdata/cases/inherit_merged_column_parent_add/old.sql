CREATE TABLE base (id int NOT NULL);
CREATE TABLE child (id int NOT NULL, label text) INHERITS (base);
INSERT INTO child VALUES (1, 'x');
