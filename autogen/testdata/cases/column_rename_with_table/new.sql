CREATE TABLE people (id int CONSTRAINT person_pkey PRIMARY KEY, name text);
