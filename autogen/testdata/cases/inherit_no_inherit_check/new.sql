CREATE TABLE accounts (id int, balance numeric, CONSTRAINT accounts_only_check CHECK (balance >= 0) NO INHERIT);
CREATE TABLE savings (rate numeric) INHERITS (accounts);
