CREATE TABLE client (id int PRIMARY KEY, name text NOT NULL);
CREATE INDEX customer_name_idx ON client (name);
