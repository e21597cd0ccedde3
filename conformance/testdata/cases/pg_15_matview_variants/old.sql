CREATE TABLE readings (sensor integer NOT NULL, at timestamptz NOT NULL, value double precision);
CREATE MATERIALIZED VIEW sensor_daily AS
    SELECT sensor, date_trunc('day', at) AS day, avg(value) AS avg_value FROM readings GROUP BY 1, 2;
CREATE INDEX sensor_daily_sensor_idx ON sensor_daily (sensor);
CREATE VIEW sensor_list AS SELECT DISTINCT sensor FROM sensor_daily;
