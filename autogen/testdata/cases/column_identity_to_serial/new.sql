-- Identity to serial: the identity's own sequence is named like the serial
-- sequence (a_id_seq), so DROP IDENTITY runs before CREATE SEQUENCE. And
-- serial to identity on the other table.
CREATE TABLE a (id serial PRIMARY KEY, v text);
CREATE TABLE b (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
