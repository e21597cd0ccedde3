-- Removing a unique expression index of a referenced table leaves the
-- foreign key alone: it depends on the primary key's index only.
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
CREATE TABLE posts (id int PRIMARY KEY, author_id int NOT NULL REFERENCES users);
INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x');
INSERT INTO posts VALUES (1, 1), (2, 2);
