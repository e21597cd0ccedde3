CREATE TABLE accounts (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
CREATE TABLE users (id integer PRIMARY KEY, account_id integer REFERENCES accounts (id), account_code text REFERENCES accounts (code));
CREATE TABLE invoices (id integer PRIMARY KEY, account_id integer REFERENCES accounts (id) ON DELETE CASCADE);
