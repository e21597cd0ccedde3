CREATE SCHEMA app;
CREATE SCHEMA audit;
CREATE TABLE app.events (id int CONSTRAINT events_pkey PRIMARY KEY, what text);
