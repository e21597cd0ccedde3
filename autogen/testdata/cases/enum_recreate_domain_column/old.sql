-- A domain over a recreated enum is recreated over the new copy, with the
-- columns using it converted.
CREATE TYPE lvl AS ENUM ('debug', 'info', 'warn', 'error');
CREATE DOMAIN loud AS lvl DEFAULT 'warn' CHECK (VALUE >= 'warn');
CREATE TABLE logs (id int PRIMARY KEY, lvl loud NOT NULL, tags lvl[]);
INSERT INTO logs VALUES (1, 'warn', '{info}'), (2, 'error', '{}');
