-- The referenced key changes (primary key widened, the unique key
-- redefined): every foreign key on it is dropped first and added back.
CREATE TABLE accounts (id integer NOT NULL, region text NOT NULL DEFAULT 'eu', code text NOT NULL, PRIMARY KEY (id, region), UNIQUE (code, region), UNIQUE (id));
CREATE TABLE users (id integer PRIMARY KEY, account_id integer REFERENCES accounts (id), account_code text, region text DEFAULT 'eu',
    FOREIGN KEY (account_code, region) REFERENCES accounts (code, region));
CREATE TABLE invoices (id integer PRIMARY KEY, account_id integer, region text NOT NULL DEFAULT 'eu',
    FOREIGN KEY (account_id, region) REFERENCES accounts (id, region) ON DELETE CASCADE);
