CREATE TABLE base (id int NOT NULL, label text);
CREATE TABLE child (id int NOT NULL, label text) INHERITS (base);
