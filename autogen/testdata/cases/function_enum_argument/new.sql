CREATE TYPE mood AS ENUM ('ok', 'bad');
CREATE FUNCTION is_ok(m mood) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT m = 'ok' $$;
