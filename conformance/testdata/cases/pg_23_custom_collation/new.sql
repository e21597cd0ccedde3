-- Case-insensitive comparison with a nondeterministic ICU collation, and a
-- libc collation copied from "C".
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION bytewise FROM "C";
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text COLLATE case_insensitive NOT NULL UNIQUE,
    handle text COLLATE bytewise
);
CREATE INDEX users_handle_idx ON users (handle COLLATE "C");
