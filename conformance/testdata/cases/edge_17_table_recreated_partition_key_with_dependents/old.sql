CREATE TABLE logs (id bigint NOT NULL, at timestamptz NOT NULL, level text NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE logs_all PARTITION OF logs DEFAULT;
CREATE VIEW errors AS SELECT id, at FROM logs WHERE level = 'error';
CREATE INDEX logs_at_idx ON logs (at);
