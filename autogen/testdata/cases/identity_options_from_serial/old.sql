-- serial -> identity with its own options: the counter still continues.
CREATE TABLE tickets (id bigserial PRIMARY KEY, v text);
INSERT INTO tickets (v) VALUES ('a'), ('b');
