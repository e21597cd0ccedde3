-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_on_quoted_table
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS app;

CREATE TABLE app."Big Table" (
    "Key" integer NOT NULL,
    "Value" text,
    CONSTRAINT "Big Table_pkey" PRIMARY KEY ("Key")
);

CREATE INDEX "Big Table Value" ON app."Big Table" USING btree ("Value");

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table app.Big Table deletes its rows
DROP TABLE app."Big Table";

DROP SCHEMA app;

