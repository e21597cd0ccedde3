CREATE TABLE measurements (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    unitsales integer
) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_y2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_y2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE measurements_archive (city_id integer NOT NULL, logdate date NOT NULL, peaktemp integer, unitsales integer);
CREATE INDEX measurements_logdate_idx ON measurements (logdate);
