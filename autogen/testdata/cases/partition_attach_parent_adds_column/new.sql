-- The parent gains a column while a plain table is attached as a new
-- partition: PostgreSQL adds the column to existing partitions only, so
-- the attached table needs its own ADD COLUMN before ATTACH.
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, source text NOT NULL DEFAULT 'app') PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_old PARTITION OF events FOR VALUES FROM ('2000-01-01') TO ('2024-01-01');
