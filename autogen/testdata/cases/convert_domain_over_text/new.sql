CREATE DOMAIN short_code AS varchar(10) CHECK (VALUE ~ '^[A-Z]+$');
CREATE TABLE items (id int PRIMARY KEY, code short_code);
