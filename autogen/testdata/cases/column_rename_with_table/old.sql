CREATE TABLE person (id int PRIMARY KEY, nm text);
