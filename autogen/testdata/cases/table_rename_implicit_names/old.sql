CREATE TABLE person (id int PRIMARY KEY, email text UNIQUE);
