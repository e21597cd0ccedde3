CREATE TYPE lvl AS ENUM ('info', 'warn', 'error');
CREATE DOMAIN loud AS lvl DEFAULT 'warn' CHECK (VALUE >= 'warn');
CREATE TABLE logs (id int PRIMARY KEY, lvl loud NOT NULL, tags lvl[]);
