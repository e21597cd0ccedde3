-- A column read by a materialized view is dropped and another retyped:
-- the matview and its index are rebuilt around the change.
CREATE TABLE metrics (id integer PRIMARY KEY, name varchar(50), value numeric);
CREATE MATERIALIZED VIEW metric_totals AS SELECT name, sum(value) AS total FROM metrics GROUP BY name;
CREATE UNIQUE INDEX metric_totals_name ON metric_totals (name);
