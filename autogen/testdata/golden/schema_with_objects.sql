-- migrate:revision 0a1b2c3d4e5f
-- migrate:message schema_with_objects
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.log (
    id bigint NOT NULL,
    happened_at timestamp with time zone DEFAULT now() NOT NULL,
    what text,
    CONSTRAINT log_pkey PRIMARY KEY (id)
);

CREATE INDEX log_happened_idx ON audit.log USING btree (happened_at);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table audit.log deletes its rows
DROP TABLE audit.log;

DROP SCHEMA audit;

