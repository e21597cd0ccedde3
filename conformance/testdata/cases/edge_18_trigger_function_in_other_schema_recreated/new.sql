-- The trigger function gains an argument name change... a trigger
-- function cannot have arguments; its language changes instead, and a
-- second table uses it.
CREATE SCHEMA audit;
CREATE FUNCTION audit.stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN NEW.updated := clock_timestamp(); RETURN NEW; END $$;
CREATE TABLE items (id integer PRIMARY KEY, updated timestamptz);
CREATE TABLE boxes (id integer PRIMARY KEY, updated timestamptz);
CREATE TRIGGER items_stamp BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION audit.stamp();
CREATE TRIGGER boxes_stamp BEFORE INSERT OR UPDATE ON boxes FOR EACH ROW EXECUTE FUNCTION audit.stamp();
