CREATE DOMAIN amount AS integer CHECK (VALUE >= 0);
CREATE TABLE invoices (id int PRIMARY KEY, total amount NOT NULL);
INSERT INTO invoices VALUES (1, 42);
