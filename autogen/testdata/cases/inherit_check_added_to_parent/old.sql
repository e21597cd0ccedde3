CREATE TABLE accounts (id int, balance numeric);
CREATE TABLE savings (rate numeric) INHERITS (accounts);
INSERT INTO savings VALUES (1, 10, 0.1);
