CREATE TABLE accounts (id int, balance numeric, CONSTRAINT accounts_balance_check CHECK (balance >= 0));
CREATE TABLE savings (rate numeric) INHERITS (accounts);
INSERT INTO savings VALUES (1, 5, 0.1);
