CREATE TABLE t (id int PRIMARY KEY, doc jsonb);
