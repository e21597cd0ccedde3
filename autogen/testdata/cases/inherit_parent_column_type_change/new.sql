CREATE TABLE base (id int, amount bigint);
CREATE TABLE child (extra text) INHERITS (base);
