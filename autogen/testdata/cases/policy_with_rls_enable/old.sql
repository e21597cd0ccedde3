CREATE TABLE notes (id int PRIMARY KEY, owner name);
