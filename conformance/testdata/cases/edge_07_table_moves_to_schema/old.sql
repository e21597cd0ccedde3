CREATE TABLE settings (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE users (id integer PRIMARY KEY, theme text);
CREATE VIEW user_settings AS SELECT u.id, s.value FROM users u JOIN settings s ON s.key = u.theme;
