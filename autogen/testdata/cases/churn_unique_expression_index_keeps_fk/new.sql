CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);
CREATE TABLE posts (id int PRIMARY KEY, author_id int NOT NULL REFERENCES users);
