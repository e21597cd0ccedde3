CREATE TABLE users (id int PRIMARY KEY, mail text);
CREATE UNIQUE INDEX users_mail_key ON users (mail);
