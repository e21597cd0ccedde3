CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, nick text,
    CONSTRAINT users_email_check CHECK (email <> ''));
CREATE INDEX users_email_idx ON users (lower(email)) WHERE email LIKE '%@%';
CREATE INDEX users_nick_email_idx ON users (nick, email);
