CREATE DOMAIN amount AS bigint CHECK (VALUE >= 0);
CREATE TABLE invoices (id int PRIMARY KEY, total amount NOT NULL);
