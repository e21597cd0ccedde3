CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id bigint NOT NULL,
    started_at timestamp NOT NULL DEFAULT now(),
    expires_at timestamp NOT NULL DEFAULT (now() + interval '30 days'),
    last_seen timestamp(0)
);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE VIEW expired_sessions AS SELECT id, user_id FROM sessions WHERE expires_at < now();
