CREATE TABLE readings (sensor int NOT NULL, at timestamptz NOT NULL, v real) PARTITION BY RANGE (at);
CREATE TABLE readings_q1 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');
CREATE INDEX readings_sensor_idx ON readings (sensor);
