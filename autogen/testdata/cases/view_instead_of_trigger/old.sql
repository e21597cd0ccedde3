CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE VIEW v AS SELECT id, name FROM users;
CREATE FUNCTION v_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO users (id, name) VALUES (NEW.id, NEW.name);
    RETURN NEW;
END $$;
