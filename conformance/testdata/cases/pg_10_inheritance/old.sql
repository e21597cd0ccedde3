CREATE TABLE vehicles (
    id integer PRIMARY KEY,
    maker text NOT NULL,
    CHECK (maker <> '')
);
