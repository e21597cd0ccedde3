-- Collations made with CREATE COLLATION are created before the domains,
-- columns and indexes that name them.
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION bytewise FROM "C";
COMMENT ON COLLATION case_insensitive IS 'compares ignoring case';
CREATE DOMAIN ci_text AS text COLLATE case_insensitive;
CREATE TABLE users (id int PRIMARY KEY, email text COLLATE case_insensitive NOT NULL UNIQUE, handle text COLLATE bytewise, nick ci_text);
CREATE INDEX users_handle_idx ON users (handle COLLATE bytewise DESC);
