-- Two unique indexes on the same column; the foreign key uses the
-- constraint's. Dropping the other one leaves the key alone.
CREATE TABLE codes (code text CONSTRAINT codes_code_key UNIQUE, label text);
CREATE TABLE items (id int PRIMARY KEY, code text REFERENCES codes (code));
CREATE UNIQUE INDEX codes_code_dup ON codes (code);
INSERT INTO codes VALUES ('a', 'A');
INSERT INTO items VALUES (1, 'a');
