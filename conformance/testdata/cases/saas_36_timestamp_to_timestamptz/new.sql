-- Timestamps gain a time zone; the index and the view over them survive.
CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id bigint NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL DEFAULT (now() + interval '30 days'),
    last_seen timestamptz(3)
);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE VIEW expired_sessions AS SELECT id, user_id FROM sessions WHERE expires_at < now();
