CREATE TABLE devices (id int PRIMARY KEY);
CREATE TABLE readings (device int REFERENCES devices, at date NOT NULL, v numeric) PARTITION BY HASH (device);
CREATE TABLE readings_h0 PARTITION OF readings FOR VALUES WITH (MODULUS 1, REMAINDER 0);
CREATE VIEW last_readings AS SELECT device, max(at) AS at FROM readings GROUP BY device;
