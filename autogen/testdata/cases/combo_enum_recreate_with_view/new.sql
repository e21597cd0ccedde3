CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE cars (id int PRIMARY KEY, color color NOT NULL);
CREATE VIEW red_cars AS SELECT id FROM cars WHERE color = 'red';
