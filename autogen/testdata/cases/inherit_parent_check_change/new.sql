CREATE TABLE animal (id int NOT NULL, name text, CONSTRAINT animal_name_check CHECK (length(name) > 1));
CREATE TABLE dog (good boolean) INHERITS (animal);
