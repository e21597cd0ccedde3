CREATE TABLE users (id int PRIMARY KEY, full_name text NOT NULL);
