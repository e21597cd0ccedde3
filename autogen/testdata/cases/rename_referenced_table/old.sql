CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE posts (id int PRIMARY KEY, user_id int CONSTRAINT posts_user_fk REFERENCES users);
