CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE, age int CHECK (age >= 0));
