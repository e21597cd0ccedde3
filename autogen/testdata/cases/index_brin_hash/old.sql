CREATE TABLE log (id bigint, at timestamptz, token text);
