CREATE TABLE job_queue (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload jsonb NOT NULL,
    run_at timestamptz NOT NULL DEFAULT now(),
    locked_by text
);
CREATE INDEX job_queue_run_at_idx ON job_queue (run_at) WHERE locked_by IS NULL;
