CREATE TABLE vehicle (id int NOT NULL, make text, year int);
CREATE TABLE truck (payload int) INHERITS (vehicle);
CREATE TABLE bus (seats int) INHERITS (vehicle);
INSERT INTO truck VALUES (1, 'volvo', 2001, 10);
INSERT INTO bus VALUES (2, 'man', 2010, 50);
