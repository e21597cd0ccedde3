CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (
    id bigint PRIMARY KEY,
    author_id bigint REFERENCES authors (id),
    editor_id bigint REFERENCES authors (id),
    title text NOT NULL
);
CREATE TABLE chapters (
    book_id bigint NOT NULL REFERENCES books (id),
    n integer NOT NULL,
    PRIMARY KEY (book_id, n)
);
