-- A policy and a check naming a value: both follow the recreation.
CREATE TYPE vis AS ENUM ('public', 'internal', 'private');
CREATE TABLE docs (id int PRIMARY KEY, vis vis NOT NULL DEFAULT 'private',
    CONSTRAINT docs_vis_check CHECK (vis <> 'internal' OR id > 0));
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_public ON docs FOR SELECT USING (vis = 'public');
INSERT INTO docs VALUES (1, 'public'), (2, 'private');
