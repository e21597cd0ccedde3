CREATE TABLE events (id int PRIMARY KEY, at timestamptz, kind text);
CREATE INDEX events_at_idx ON events (at DESC NULLS LAST) INCLUDE (kind);
