-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_schema_move_objects
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-table): dropping table public.settings deletes its rows
DROP TABLE public.settings;

CREATE SCHEMA IF NOT EXISTS app;

CREATE TABLE app.settings (
    key text NOT NULL,
    value text,
    CONSTRAINT settings_pkey PRIMARY KEY (key)
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table app.settings deletes its rows
DROP TABLE app.settings;

CREATE TABLE public.settings (
    key text NOT NULL,
    value text,
    CONSTRAINT settings_pkey PRIMARY KEY (key)
);

DROP SCHEMA app;

