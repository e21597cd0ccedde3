CREATE TABLE accounts (id int PRIMARY KEY, name varchar(50) NOT NULL, balance int DEFAULT 0, note text, legacy boolean);
INSERT INTO accounts VALUES (1, 'a', 10, 'n', true);
