-- Views using window functions, DISTINCT ON, LATERAL, grouping sets, CTEs,
-- VALUES, CASE, JSON, options and check options.
CREATE TABLE sales (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    product text NOT NULL,
    amount numeric(12,2) NOT NULL,
    sold_at timestamptz NOT NULL,
    meta jsonb
);
CREATE VIEW recent_sales WITH (security_barrier = true) AS
    SELECT * FROM sales WHERE sold_at > now() - interval '7 days'
    WITH LOCAL CHECK OPTION;
CREATE VIEW ranked_sales WITH (security_invoker = on) AS
    SELECT id, region, amount, rank() OVER (PARTITION BY region ORDER BY amount DESC) AS rnk,
           sum(amount) OVER w AS running
    FROM sales
    WINDOW w AS (PARTITION BY region ORDER BY sold_at ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);
CREATE VIEW latest_per_region AS
    SELECT DISTINCT ON (region) region, product, sold_at FROM sales ORDER BY region, sold_at DESC;
CREATE VIEW sales_cube (region, product, total) AS
    SELECT region, product, sum(amount) FROM sales GROUP BY GROUPING SETS ((region, product), (region), ());
CREATE VIEW sales_tags AS
    SELECT s.id, t.tag FROM sales s CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.meta -> 'tags', '[]')) AS t(tag);
CREATE VIEW sales_buckets AS
    WITH b(lo, hi, name) AS (VALUES (0, 100, 'small'), (100, 1000, 'medium'), (1000, NULL, 'large'))
    SELECT b.name, count(s.id) AS n,
           CASE WHEN count(s.id) = 0 THEN 'none' ELSE 'some' END AS status
    FROM b LEFT JOIN sales s ON s.amount >= b.lo AND (b.hi IS NULL OR s.amount < b.hi)
    GROUP BY b.name;
CREATE VIEW region_summary AS
    SELECT region, json_agg(json_build_object('product', product, 'amount', amount) ORDER BY amount) AS items,
           array_agg(DISTINCT product) AS products,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median
    FROM sales GROUP BY region HAVING count(*) > 1;
