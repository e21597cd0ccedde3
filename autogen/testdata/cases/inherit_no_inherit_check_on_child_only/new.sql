CREATE TABLE accounts (id int, balance numeric, CONSTRAINT accounts_balance_check CHECK (balance >= 0) NO INHERIT);
CREATE TABLE savings (rate numeric) INHERITS (accounts);
