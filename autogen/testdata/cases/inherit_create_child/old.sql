CREATE TABLE animal (id int NOT NULL, name text, CONSTRAINT animal_name_check CHECK (name <> ''));
