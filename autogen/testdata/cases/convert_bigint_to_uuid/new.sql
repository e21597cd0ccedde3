CREATE TABLE accounts (id int PRIMARY KEY, ext_id uuid, name text);
