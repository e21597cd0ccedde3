CREATE TABLE accounts (id int, balance numeric);
CREATE TABLE savings (rate numeric) INHERITS (accounts);
