CREATE TABLE users (id int NOT NULL, email text, age int);
ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (((age >= 0)));
