CREATE TABLE customer (id int PRIMARY KEY, name text NOT NULL);
CREATE INDEX customer_name_idx ON customer (name);
INSERT INTO customer VALUES (1, 'ada');
