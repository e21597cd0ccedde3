CREATE TABLE codes (id int PRIMARY KEY, code char(4));
