CREATE TABLE notes (id int PRIMARY KEY, owner name NOT NULL DEFAULT current_user, body text, public boolean NOT NULL DEFAULT false);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_w ON notes FOR INSERT TO app_writer WITH CHECK (owner = current_user);
