-- The cache table is unlogged with an aggressive fillfactor; the queue gets
-- tuned autovacuum settings.
CREATE TABLE job_queue (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload jsonb NOT NULL,
    run_at timestamptz NOT NULL DEFAULT now(),
    locked_by text,
    attempts smallint NOT NULL DEFAULT 0
) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01);
CREATE INDEX job_queue_run_at_idx ON job_queue (run_at) WHERE locked_by IS NULL;
CREATE UNLOGGED TABLE page_cache (
    key text PRIMARY KEY,
    body bytea NOT NULL,
    expires_at timestamptz NOT NULL
);
