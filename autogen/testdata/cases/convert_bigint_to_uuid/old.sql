-- PostgreSQL has no cast from bigint to uuid: the column is dropped and
-- added again with a data-loss hazard, never ALTER ... USING ext::uuid.
CREATE TABLE accounts (id int PRIMARY KEY, ext_id bigint, name text);
INSERT INTO accounts VALUES (1, 42, 'a');
