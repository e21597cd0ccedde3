CREATE SCHEMA audit;
CREATE TABLE audit.log (id bigint PRIMARY KEY, happened_at timestamptz NOT NULL DEFAULT now(), what text);
CREATE INDEX log_happened_idx ON audit.log (happened_at);
