CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed := now(); RETURN NEW; END $$;
CREATE TABLE docs (id int PRIMARY KEY, content text, changed timestamptz);
CREATE TRIGGER docs_touch BEFORE UPDATE OF content ON docs FOR EACH ROW WHEN (OLD.content IS DISTINCT FROM NEW.content) EXECUTE FUNCTION touch();
