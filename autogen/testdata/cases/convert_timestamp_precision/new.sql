CREATE TABLE logs (id int PRIMARY KEY, at timestamp(0) with time zone);
