CREATE TABLE accounts (id int, balance numeric, CONSTRAINT balance_positive CHECK (balance >= 0));
CREATE TABLE savings (rate numeric, CONSTRAINT balance_positive CHECK (balance >= 0)) INHERITS (accounts);
