CREATE TABLE sales (region text NOT NULL, day date NOT NULL, amount numeric) PARTITION BY LIST (region);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu');
CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');
INSERT INTO sales VALUES ('eu', '2024-05-05', 10), ('eu', '2025-01-02', 11), ('us', '2023-01-01', 20);
