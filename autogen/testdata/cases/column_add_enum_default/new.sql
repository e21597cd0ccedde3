CREATE TYPE mood AS ENUM ('ok', 'good');
CREATE TABLE t (id int PRIMARY KEY, mood mood NOT NULL DEFAULT 'ok');
