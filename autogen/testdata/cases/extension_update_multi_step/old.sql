CREATE EXTENSION pg_trgm VERSION '1.4';
CREATE TABLE words (w text);
CREATE INDEX words_trgm ON words USING gin (w gin_trgm_ops);
INSERT INTO words VALUES ('alpha'), ('beta');
