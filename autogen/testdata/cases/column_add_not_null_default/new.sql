CREATE TABLE users (id int PRIMARY KEY, active boolean NOT NULL DEFAULT true);
