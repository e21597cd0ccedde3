CREATE TABLE vehicle (id int NOT NULL, make text, year int);
CREATE TABLE truck (year int, payload int) INHERITS (vehicle);
