CREATE SCHEMA app;
CREATE SCHEMA audit;
CREATE TABLE audit.past_events (id int CONSTRAINT events_pkey PRIMARY KEY, what text);
