CREATE TABLE events (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
CREATE INDEX events_at_idx ON events (at);
