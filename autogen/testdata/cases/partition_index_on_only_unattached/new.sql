CREATE TABLE readings (sensor int NOT NULL, at timestamptz NOT NULL, v real) PARTITION BY RANGE (at);
CREATE TABLE readings_q1 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');
CREATE TABLE readings_q2 PARTITION OF readings FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');
CREATE INDEX readings_sensor_idx ON ONLY readings (sensor);
CREATE INDEX readings_q1_sensor_idx ON readings_q1 (sensor);
ALTER INDEX readings_sensor_idx ATTACH PARTITION readings_q1_sensor_idx;
CREATE INDEX readings_q2_sensor_idx ON readings_q2 (sensor);
