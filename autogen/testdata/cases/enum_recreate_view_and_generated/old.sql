-- A view over the column and a generated column reading it follow.
CREATE TYPE size AS ENUM ('s', 'm', 'l', 'xl');
CREATE TABLE shirts (id int PRIMARY KEY, size size NOT NULL,
    big boolean GENERATED ALWAYS AS (size >= 'l') STORED);
CREATE VIEW big_shirts AS SELECT id, size FROM shirts WHERE size >= 'l';
INSERT INTO shirts (id, size) VALUES (1, 's'), (2, 'l');
