CREATE TABLE vehicle (id int NOT NULL, make text);
CREATE TABLE truck (payload int, year int) INHERITS (vehicle);
CREATE TABLE bus (seats int) INHERITS (vehicle);
