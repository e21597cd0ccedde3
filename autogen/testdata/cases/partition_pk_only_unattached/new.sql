CREATE TABLE items (id int NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE items_a PARTITION OF items FOR VALUES IN ('a');
CREATE TABLE items_b PARTITION OF items FOR VALUES IN ('b');
ALTER TABLE ONLY items ADD CONSTRAINT items_pkey PRIMARY KEY (kind, id);
ALTER TABLE items_a ADD CONSTRAINT items_a_pkey PRIMARY KEY (kind, id);
ALTER INDEX items_pkey ATTACH PARTITION items_a_pkey;
CREATE UNIQUE INDEX items_b_kind_id ON items_b (kind, id);
