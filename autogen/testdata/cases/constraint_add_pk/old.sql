CREATE TABLE t (id int NOT NULL, name text);
