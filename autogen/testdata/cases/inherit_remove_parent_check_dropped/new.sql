-- The child stops inheriting while the parent drops the check it shares:
-- NO INHERIT runs first, so the child's copy survives and stays.
CREATE TABLE animals (id int PRIMARY KEY, legs int);
CREATE TABLE birds (id int NOT NULL, legs int, wingspan numeric, CONSTRAINT animals_legs_check CHECK (legs >= 0));
