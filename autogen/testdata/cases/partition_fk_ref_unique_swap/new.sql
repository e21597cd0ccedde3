CREATE TABLE accounts (id int NOT NULL, shard int NOT NULL, email text, PRIMARY KEY (id, shard)) PARTITION BY LIST (shard);
CREATE TABLE accounts_0 PARTITION OF accounts FOR VALUES IN (0);
CREATE TABLE accounts_1 PARTITION OF accounts FOR VALUES IN (1);
CREATE TABLE sessions (account int, shard int, FOREIGN KEY (account, shard) REFERENCES accounts (id, shard) ON DELETE CASCADE);
