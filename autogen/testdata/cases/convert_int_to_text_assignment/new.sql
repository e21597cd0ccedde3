CREATE TABLE t (id int PRIMARY KEY, n text, b text);
