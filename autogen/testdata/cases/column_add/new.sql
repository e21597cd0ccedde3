CREATE TABLE users (id int PRIMARY KEY, nickname text);
