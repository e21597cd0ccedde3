CREATE TABLE items (id int PRIMARY KEY, unit_price numeric NOT NULL, qty int NOT NULL,
    total numeric GENERATED ALWAYS AS (unit_price * qty) STORED);
