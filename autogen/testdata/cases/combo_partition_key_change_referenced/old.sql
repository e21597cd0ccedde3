CREATE TABLE devices (id int PRIMARY KEY);
CREATE TABLE readings (device int REFERENCES devices, at date NOT NULL, v numeric) PARTITION BY RANGE (at);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW last_readings AS SELECT device, max(at) AS at FROM readings GROUP BY device;
