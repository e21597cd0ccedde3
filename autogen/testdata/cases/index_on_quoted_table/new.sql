CREATE SCHEMA app;
CREATE TABLE app."Big Table" ("Key" int PRIMARY KEY, "Value" text);
CREATE INDEX "Big Table Value" ON app."Big Table" ("Value");
