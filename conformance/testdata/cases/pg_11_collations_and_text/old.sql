CREATE TABLE words (
    id integer PRIMARY KEY,
    word text NOT NULL,
    sort_key text
);
