CREATE TABLE a (id serial PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY DEFAULT nextval('a_id_seq'));
