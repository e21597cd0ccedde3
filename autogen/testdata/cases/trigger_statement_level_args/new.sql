CREATE TABLE docs (id int PRIMARY KEY, body text, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE FUNCTION note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '% %', TG_ARGV[0], TG_OP; RETURN NULL; END $$;
CREATE TRIGGER docs_note AFTER TRUNCATE ON docs FOR EACH STATEMENT EXECUTE FUNCTION note('truncated');
