CREATE TABLE accounts (id int PRIMARY KEY, name varchar(200), balance bigint NOT NULL DEFAULT 0, note text DEFAULT '', opened date);
