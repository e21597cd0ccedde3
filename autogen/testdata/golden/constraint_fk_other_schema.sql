-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_fk_other_schema
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS app;

CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE app.users (
    id integer NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

CREATE TABLE audit.logins (
    id integer NOT NULL,
    user_id integer,
    CONSTRAINT logins_pkey PRIMARY KEY (id)
);

ALTER TABLE audit.logins ADD CONSTRAINT logins_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) MATCH FULL;

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table audit.logins deletes its rows
DROP TABLE audit.logins;

-- hazard data-loss (drop-table): dropping table app.users deletes its rows
DROP TABLE app.users;

DROP SCHEMA app;

DROP SCHEMA audit;

