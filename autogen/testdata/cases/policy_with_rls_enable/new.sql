CREATE TABLE notes (id int PRIMARY KEY, owner name);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON notes TO app_reader USING (owner = current_user);
