-- serial -> identity: the identity continues where the sequence stopped
-- (setval from it before it is dropped), so the next row gets a new id.
CREATE TABLE orders (id serial PRIMARY KEY, ref text);
INSERT INTO orders (ref) VALUES ('a'), ('b'), ('c');
