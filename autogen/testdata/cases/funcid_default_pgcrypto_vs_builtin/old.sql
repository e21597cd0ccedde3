-- pgcrypto's public.gen_random_uuid() and the built-in gen_random_uuid()
-- are different functions: switching the default is a change.
CREATE EXTENSION pgcrypto SCHEMA public;
CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT public.gen_random_uuid(), v text);
INSERT INTO tokens (v) VALUES ('a');
