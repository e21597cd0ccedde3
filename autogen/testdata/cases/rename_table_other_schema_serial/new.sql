CREATE SCHEMA app;
CREATE TABLE app.tasks (id serial PRIMARY KEY, title text);
