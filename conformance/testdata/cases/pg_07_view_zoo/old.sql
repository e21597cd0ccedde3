CREATE TABLE sales (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    product text NOT NULL,
    amount numeric(12,2) NOT NULL,
    sold_at timestamptz NOT NULL,
    meta jsonb
);
CREATE VIEW recent_sales AS SELECT * FROM sales WHERE sold_at > now() - interval '7 days';
