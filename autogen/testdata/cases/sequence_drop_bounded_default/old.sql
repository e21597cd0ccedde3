-- A smallint sequence with its own bounds feeds a bigint column, which can
-- hold values past them; the upgrade drops it. The downgrade recreates it
-- past the column's largest value, never beyond its MAXVALUE.
CREATE SEQUENCE batch_no AS smallint MINVALUE 10 MAXVALUE 30000 START 100;
CREATE TABLE batches (id int PRIMARY KEY, no bigint DEFAULT nextval('batch_no'));
