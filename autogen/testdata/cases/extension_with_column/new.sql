CREATE EXTENSION citext;
CREATE TABLE accounts (id int PRIMARY KEY, email citext NOT NULL UNIQUE);
