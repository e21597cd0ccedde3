-- Renaming a column of a partitioned table renames it in the partitions
-- too, and the partition key follows: nothing is recreated.
CREATE TABLE events (id int NOT NULL, at date NOT NULL, v text) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_at_idx ON events (at);
INSERT INTO events VALUES (1, '2024-03-01', 'a');
