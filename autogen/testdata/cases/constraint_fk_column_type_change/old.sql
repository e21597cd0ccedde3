CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);
INSERT INTO users VALUES (1); INSERT INTO posts VALUES (1, 1);
