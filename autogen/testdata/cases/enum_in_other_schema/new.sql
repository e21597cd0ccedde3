CREATE SCHEMA app;
CREATE TYPE app."Kind" AS ENUM ('A', 'b c', 'it''s');
CREATE TABLE app.things (id int PRIMARY KEY, kind app."Kind");
