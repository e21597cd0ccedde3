CREATE TABLE docs (id integer PRIMARY KEY, owner name NOT NULL DEFAULT current_user, public boolean NOT NULL DEFAULT false);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_owner ON docs USING (owner = current_user);
CREATE POLICY docs_public ON docs FOR SELECT USING (public);
