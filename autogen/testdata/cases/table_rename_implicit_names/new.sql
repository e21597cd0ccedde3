CREATE TABLE people (id int PRIMARY KEY, email text UNIQUE);
