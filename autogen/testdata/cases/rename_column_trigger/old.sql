-- A trigger on UPDATE OF the renamed column follows it.
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed := now(); RETURN NEW; END $$;
CREATE TABLE docs (id int PRIMARY KEY, body text, changed timestamptz);
CREATE TRIGGER docs_touch BEFORE UPDATE OF body ON docs FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body) EXECUTE FUNCTION touch();
INSERT INTO docs VALUES (1, 'x', NULL);
