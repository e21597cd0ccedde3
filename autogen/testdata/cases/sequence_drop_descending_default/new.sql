CREATE TABLE tickets (id int PRIMARY KEY, no integer NOT NULL);
