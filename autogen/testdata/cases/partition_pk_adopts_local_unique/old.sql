CREATE TABLE items (id int NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE items_a PARTITION OF items FOR VALUES IN ('a');
CREATE UNIQUE INDEX items_a_uniq ON items_a (kind, id);
INSERT INTO items VALUES (1, 'a'), (2, 'a');
