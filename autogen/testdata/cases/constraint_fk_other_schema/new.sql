CREATE SCHEMA app;
CREATE SCHEMA audit;
CREATE TABLE app.users (id int PRIMARY KEY);
CREATE TABLE audit.logins (id int PRIMARY KEY, user_id int REFERENCES app.users MATCH FULL);
