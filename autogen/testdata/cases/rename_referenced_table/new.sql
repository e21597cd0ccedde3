CREATE TABLE members (id int CONSTRAINT users_pkey PRIMARY KEY);
CREATE TABLE posts (id int PRIMARY KEY, user_id int CONSTRAINT posts_user_fk REFERENCES members);
