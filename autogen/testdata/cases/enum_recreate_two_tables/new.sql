CREATE SCHEMA app;
CREATE TYPE app.state AS ENUM ('new', 'old');
CREATE TABLE app.a (id int PRIMARY KEY, s app.state);
CREATE TABLE app.b (id int PRIMARY KEY, s app.state NOT NULL DEFAULT 'new');
