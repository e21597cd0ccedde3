CREATE SCHEMA app;
CREATE TABLE app.settings (key text PRIMARY KEY, value text);
