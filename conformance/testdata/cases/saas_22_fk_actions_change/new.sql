-- Deleting an author nulls the editor, deleting a book cascades to its
-- chapters, and the author key becomes deferrable.
CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (
    id bigint PRIMARY KEY,
    author_id bigint REFERENCES authors (id) ON UPDATE CASCADE DEFERRABLE,
    editor_id bigint REFERENCES authors (id) ON DELETE SET NULL,
    title text NOT NULL
);
CREATE TABLE chapters (
    book_id bigint NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    n integer NOT NULL,
    PRIMARY KEY (book_id, n)
);
