CREATE TABLE measurements (id bigint NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX measurements_v_idx ON measurements (v);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE measurements_2025 (id bigint NOT NULL, at date NOT NULL, v numeric);
CREATE INDEX m2025_v_idx ON measurements_2025 (v);
