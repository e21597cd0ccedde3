-- A partition becomes a plain table (keeping only the index it wants)
-- while the parent drops its key and index: the detach runs first, so the
-- detached table still holds the copies the plan then drops or keeps.
CREATE TABLE readings (sensor int NOT NULL, at date NOT NULL, v numeric) PARTITION BY RANGE (at);
CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE readings_2024 (sensor int NOT NULL, at date NOT NULL, v numeric);
CREATE INDEX readings_2024_v_idx ON readings_2024 (v);
