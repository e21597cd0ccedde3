-- Renaming a referenced column: the foreign keys of other tables follow.
CREATE TABLE users (uid int PRIMARY KEY);
CREATE TABLE posts (id int PRIMARY KEY, author int REFERENCES users (uid));
INSERT INTO users VALUES (1), (2);
INSERT INTO posts VALUES (1, 1), (2, 2);
