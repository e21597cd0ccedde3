-- bigint -> timestamptz has no cast either.
CREATE TABLE events (id int PRIMARY KEY, at bigint NOT NULL DEFAULT 0);
CREATE INDEX events_at_idx ON events (at);
INSERT INTO events VALUES (1, 1700000000);
