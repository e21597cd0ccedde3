-- A table with serial columns renamed: its owned sequences follow the
-- table's name by ALTER SEQUENCE ... RENAME and keep their counters.
CREATE TABLE customers (n serial PRIMARY KEY, name text NOT NULL, ref bigserial);
INSERT INTO customers (name) VALUES ('ada'), ('grace');
