-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_used_by_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS app;

CREATE DOMAIN app.slug AS character varying(64) COLLATE "C" CONSTRAINT slug_check CHECK (((VALUE)::text ~ '^[a-z0-9-]+$'::text));

CREATE TABLE app.pages (
    id integer NOT NULL,
    slug app.slug NOT NULL,
    CONSTRAINT pages_pkey PRIMARY KEY (id),
    CONSTRAINT pages_slug_key UNIQUE (slug)
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table app.pages deletes its rows
DROP TABLE app.pages;

DROP DOMAIN app.slug;

DROP SCHEMA app;

