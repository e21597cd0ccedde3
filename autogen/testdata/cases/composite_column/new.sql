CREATE TYPE money_amount AS (currency character(3), cents bigint);
CREATE TABLE orders (id int PRIMARY KEY, total money_amount);
