CREATE TABLE vehicle (id int NOT NULL, make text);
CREATE TABLE truck (payload int) INHERITS (vehicle);
INSERT INTO truck VALUES (1, 'volvo', 10);
