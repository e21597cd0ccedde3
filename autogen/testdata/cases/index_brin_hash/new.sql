CREATE TABLE log (id bigint, at timestamptz, token text);
CREATE INDEX log_at_idx ON log USING brin (at) WITH (pages_per_range = 64);
CREATE INDEX log_token_idx ON log USING hash (token);
