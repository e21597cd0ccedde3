CREATE TABLE items (id int NOT NULL, kind text NOT NULL, PRIMARY KEY (kind, id)) PARTITION BY LIST (kind);
CREATE TABLE items_a PARTITION OF items FOR VALUES IN ('a');
