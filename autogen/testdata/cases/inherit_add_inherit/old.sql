CREATE TABLE animal (id int NOT NULL, name text, CONSTRAINT animal_name_check CHECK (name <> ''));

CREATE TABLE cat (id int NOT NULL, name text, indoor boolean, CONSTRAINT animal_name_check CHECK (name <> ''));
