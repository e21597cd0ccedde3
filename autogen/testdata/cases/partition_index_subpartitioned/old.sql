CREATE TABLE sales (region text NOT NULL, day date NOT NULL, amount numeric) PARTITION BY LIST (region);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu') PARTITION BY RANGE (day);
CREATE TABLE sales_eu_2024 PARTITION OF sales_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');
INSERT INTO sales VALUES ('eu', '2024-05-05', 10), ('us', '2023-01-01', 20);
