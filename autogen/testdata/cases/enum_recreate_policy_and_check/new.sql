CREATE TYPE vis AS ENUM ('public', 'private');
CREATE TABLE docs (id int PRIMARY KEY, vis vis NOT NULL DEFAULT 'private',
    CONSTRAINT docs_vis_check CHECK (vis <> 'private' OR id > 0));
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_public ON docs FOR SELECT USING (vis = 'public');
