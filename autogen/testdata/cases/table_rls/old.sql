CREATE TABLE docs (id int PRIMARY KEY, owner name);
