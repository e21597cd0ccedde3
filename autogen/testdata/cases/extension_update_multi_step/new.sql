CREATE EXTENSION pg_trgm VERSION '1.6';
CREATE TABLE words (w text);
CREATE INDEX words_trgm ON words USING gin (w gin_trgm_ops);
