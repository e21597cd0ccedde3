CREATE TABLE metrics (id integer PRIMARY KEY, name text, value numeric, legacy numeric);
CREATE MATERIALIZED VIEW metric_totals AS SELECT name, sum(value) AS total, sum(legacy) AS legacy_total FROM metrics GROUP BY name;
CREATE UNIQUE INDEX metric_totals_name ON metric_totals (name);
