CREATE SCHEMA app;
CREATE TABLE app.orders (id int PRIMARY KEY, customer int, total numeric);
CREATE TABLE app.customers (id int PRIMARY KEY, name text);
CREATE VIEW app.top_customers AS
    WITH totals AS (SELECT customer, sum(total) AS s FROM app.orders GROUP BY customer)
    SELECT c.name, t.s FROM app.customers c JOIN totals t ON t.customer = c.id ORDER BY t.s DESC LIMIT 10;
