-- Names get longer, the country code narrows to ISO alpha-2, notes become
-- text, the phone number grows.
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    first_name varchar(150) NOT NULL,
    last_name varchar(150) NOT NULL,
    phone varchar(32),
    country_code varchar(2) NOT NULL DEFAULT 'US',
    notes text,
    website varchar(2048)
);
CREATE INDEX customers_name_idx ON customers (last_name, first_name);
CREATE VIEW customer_names AS SELECT id, first_name || ' ' || last_name AS full_name FROM customers;
