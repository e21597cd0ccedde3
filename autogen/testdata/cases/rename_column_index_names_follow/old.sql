-- A column rename: indexes and constraints whose names follow the column
-- are renamed, never dropped and built again.
CREATE TABLE users (id int PRIMARY KEY, mail text NOT NULL UNIQUE, nick text,
    CONSTRAINT users_mail_check CHECK (mail <> ''));
CREATE INDEX users_mail_idx ON users (lower(mail)) WHERE mail LIKE '%@%';
CREATE INDEX users_nick_mail_idx ON users (nick, mail);
INSERT INTO users VALUES (1, 'a@x', 'a'), (2, 'b@x', 'b');
