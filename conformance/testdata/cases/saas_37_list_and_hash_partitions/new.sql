-- Data residency: customers partitioned by region (list), the EU region
-- sub-partitioned by hash.
CREATE TABLE customers (
    id bigint NOT NULL,
    region text NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (region, id)
) PARTITION BY LIST (region);
CREATE TABLE customers_us PARTITION OF customers FOR VALUES IN ('us-east', 'us-west');
CREATE TABLE customers_eu PARTITION OF customers FOR VALUES IN ('eu-central', 'eu-west') PARTITION BY HASH (id);
CREATE TABLE customers_eu_0 PARTITION OF customers_eu FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE customers_eu_1 PARTITION OF customers_eu FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE customers_other PARTITION OF customers DEFAULT;
CREATE INDEX customers_name_idx ON customers (name);
