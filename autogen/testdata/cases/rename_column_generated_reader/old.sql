-- A generated column reading a renamed column is kept as it is.
CREATE TABLE items (id int PRIMARY KEY, price numeric NOT NULL, qty int NOT NULL,
    total numeric GENERATED ALWAYS AS (price * qty) STORED);
INSERT INTO items VALUES (1, 2.5, 4);
