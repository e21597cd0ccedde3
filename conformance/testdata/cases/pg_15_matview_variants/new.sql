-- The materialized view changes definition (its index and the view over
-- it must be rebuilt), a matview over a matview appears, storage options.
CREATE TABLE readings (sensor integer NOT NULL, at timestamptz NOT NULL, value double precision);
CREATE MATERIALIZED VIEW sensor_daily WITH (fillfactor = 90) AS
    SELECT sensor, date_trunc('day', at) AS day, avg(value) AS avg_value, max(value) AS max_value
    FROM readings GROUP BY 1, 2
WITH NO DATA;
CREATE UNIQUE INDEX sensor_daily_key ON sensor_daily (sensor, day);
CREATE INDEX sensor_daily_sensor_idx ON sensor_daily (sensor);
CREATE VIEW sensor_list AS SELECT DISTINCT sensor FROM sensor_daily;
CREATE MATERIALIZED VIEW sensor_peaks AS
    SELECT sensor, max(max_value) AS peak FROM sensor_daily GROUP BY sensor
WITH NO DATA;
COMMENT ON MATERIALIZED VIEW sensor_peaks IS 'peak per sensor';
GRANT SELECT ON sensor_peaks TO app_reader;
