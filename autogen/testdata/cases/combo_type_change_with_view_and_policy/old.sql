CREATE TABLE docs (id int PRIMARY KEY, level smallint NOT NULL DEFAULT 0, owner text);
CREATE VIEW secret_docs AS SELECT id FROM docs WHERE level > 5;
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_level ON docs USING (level < 10);
CREATE FUNCTION t_docs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER docs_level_change BEFORE UPDATE OF level ON docs FOR EACH ROW WHEN (NEW.level > 3) EXECUTE FUNCTION t_docs();
