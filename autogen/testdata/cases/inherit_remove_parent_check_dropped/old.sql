CREATE TABLE animals (id int PRIMARY KEY, legs int, CONSTRAINT animals_legs_check CHECK (legs >= 0));
CREATE TABLE birds (wingspan numeric) INHERITS (animals);
