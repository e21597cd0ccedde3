CREATE SCHEMA app;
CREATE DOMAIN app.slug AS character varying(64) COLLATE "C" CHECK (VALUE ~ '^[a-z0-9-]+$');
CREATE TABLE app.pages (id int PRIMARY KEY, slug app.slug NOT NULL UNIQUE);
