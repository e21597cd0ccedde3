CREATE TABLE events (id int NOT NULL, happened_on date NOT NULL, v text) PARTITION BY RANGE (happened_on);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_at_idx ON events (happened_on);
