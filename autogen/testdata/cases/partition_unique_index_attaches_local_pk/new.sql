CREATE TABLE items (id int NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE items_a PARTITION OF items FOR VALUES IN ('a');
CREATE UNIQUE INDEX items_kind_id ON ONLY items (kind, id);
CREATE UNIQUE INDEX items_a_pkey ON items_a (kind, id);
ALTER TABLE items_a ADD CONSTRAINT items_a_pkey PRIMARY KEY USING INDEX items_a_pkey;
ALTER INDEX items_kind_id ATTACH PARTITION items_a_pkey;
