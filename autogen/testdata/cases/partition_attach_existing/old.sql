CREATE TABLE measurements (id bigint NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX measurements_v_idx ON measurements (v);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE measurements_2025 (id bigint NOT NULL, at date NOT NULL, v numeric);
INSERT INTO measurements_2025 VALUES (1, '2025-03-01', 2);
