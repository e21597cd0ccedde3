-- Without --rename a move to another schema is a drop and a create; the
-- view over it is rebuilt against the new table.
CREATE SCHEMA app;
CREATE TABLE app.settings (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE users (id integer PRIMARY KEY, theme text);
CREATE VIEW user_settings AS SELECT u.id, s.value FROM users u JOIN app.settings s ON s.key = u.theme;
