CREATE TABLE prices (id int PRIMARY KEY, amount numeric(14,4));
