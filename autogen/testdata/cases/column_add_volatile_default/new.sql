CREATE TABLE users (id int PRIMARY KEY, token double precision DEFAULT random());
