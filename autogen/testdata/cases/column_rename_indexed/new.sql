CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE UNIQUE INDEX users_mail_key ON users (email);
