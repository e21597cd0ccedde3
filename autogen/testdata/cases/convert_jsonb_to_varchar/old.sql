-- jsonb -> varchar(100): text I/O on assignment, length checked.
CREATE TABLE docs (id int PRIMARY KEY, meta jsonb);
INSERT INTO docs VALUES (1, '{"a": 1}');
