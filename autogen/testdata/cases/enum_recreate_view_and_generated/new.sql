CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE TABLE shirts (id int PRIMARY KEY, size size NOT NULL,
    big boolean GENERATED ALWAYS AS (size >= 'l') STORED);
CREATE VIEW big_shirts AS SELECT id, size FROM shirts WHERE size >= 'l';
