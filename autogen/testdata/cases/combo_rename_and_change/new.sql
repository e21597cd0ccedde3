CREATE TABLE customer (id int CONSTRAINT client_pkey PRIMARY KEY, name varchar(100) NOT NULL DEFAULT '', phone text);
