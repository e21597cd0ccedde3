-- A partition is detached into a plain table, an existing table is
-- attached as a partition, a partition's bounds change, a column and a
-- unique key are added on the parent.
CREATE TABLE measurements (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    unitsales integer,
    source text,
    UNIQUE (city_id, logdate)
) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_archive PARTITION OF measurements FOR VALUES FROM ('2000-01-01') TO ('2024-01-01');
CREATE TABLE measurements_y2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
CREATE TABLE measurements_y2025h2 PARTITION OF measurements FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');
CREATE TABLE measurements_y2024 (city_id integer NOT NULL, logdate date NOT NULL, peaktemp integer, unitsales integer, source text);
CREATE INDEX measurements_logdate_idx ON measurements (logdate);
