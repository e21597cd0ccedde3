CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE posts (id int PRIMARY KEY, user_id bigint REFERENCES users);
