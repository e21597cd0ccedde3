-- Column collations, an index with another collation, a domain with one.
CREATE DOMAIN code_text AS text COLLATE "C" CHECK (VALUE ~ '^[A-Z]+$');
CREATE TABLE words (
    id integer PRIMARY KEY,
    word text COLLATE "C" NOT NULL,
    sort_key text COLLATE "POSIX",
    code code_text,
    note varchar(100) COLLATE "default"
);
CREATE INDEX words_word_idx ON words (word COLLATE "POSIX");
CREATE UNIQUE INDEX words_code_key ON words (code);
