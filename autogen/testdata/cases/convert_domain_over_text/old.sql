-- A column moving to a domain over varchar(10): converted by assignment,
-- checked by the domain.
CREATE DOMAIN short_code AS varchar(10) CHECK (VALUE ~ '^[A-Z]+$');
CREATE TABLE items (id int PRIMARY KEY, code text);
INSERT INTO items VALUES (1, 'ABC');
