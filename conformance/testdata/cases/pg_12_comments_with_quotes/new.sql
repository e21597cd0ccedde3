-- Comments with quotes, backslashes, newlines, unicode and dollar signs.
CREATE TABLE notes (id integer PRIMARY KEY, body text);
COMMENT ON TABLE notes IS 'it''s a "notes" table
spanning two lines, with a backslash \ and $$ dollars $$';
COMMENT ON COLUMN notes.body IS E'tab\there, ünïcödé, emoji 🚀';
COMMENT ON COLUMN notes.id IS '';
