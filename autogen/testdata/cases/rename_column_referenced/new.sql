CREATE TABLE users (id int CONSTRAINT users_pkey PRIMARY KEY);
CREATE TABLE posts (id int PRIMARY KEY, author int CONSTRAINT posts_author_fkey REFERENCES users (id));
