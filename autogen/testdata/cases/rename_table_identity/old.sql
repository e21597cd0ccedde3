-- Identity sequences belong to their column: a table rename keeps them.
CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
INSERT INTO customers (name) VALUES ('ada'), ('grace');
