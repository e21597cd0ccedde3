CREATE TABLE customers (
    id bigint NOT NULL,
    region text NOT NULL,
    name text NOT NULL
);
