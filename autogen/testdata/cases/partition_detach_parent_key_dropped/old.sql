CREATE TABLE readings (sensor int NOT NULL, at date NOT NULL, v numeric, UNIQUE (sensor, at)) PARTITION BY RANGE (at);
CREATE INDEX readings_v_idx ON readings (v);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
