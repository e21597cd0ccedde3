CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    first_name varchar(50) NOT NULL,
    last_name varchar(50) NOT NULL,
    phone varchar(20),
    country_code varchar(3) NOT NULL DEFAULT 'USA',
    notes varchar(1000),
    website varchar(255)
);
CREATE INDEX customers_name_idx ON customers (last_name, first_name);
CREATE VIEW customer_names AS SELECT id, first_name || ' ' || last_name AS full_name FROM customers;
