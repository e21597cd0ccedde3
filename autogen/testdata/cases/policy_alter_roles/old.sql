CREATE TABLE notes (id int PRIMARY KEY, owner name NOT NULL DEFAULT current_user, body text, public boolean NOT NULL DEFAULT false);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_read ON notes FOR SELECT TO app_reader USING (public);
