-- The table owning a sequence is dropped while another table's default
-- still uses the sequence... which the target keeps, unowned.
CREATE SEQUENCE a_id_seq AS integer;
CREATE TABLE b (id integer PRIMARY KEY DEFAULT nextval('a_id_seq'));
