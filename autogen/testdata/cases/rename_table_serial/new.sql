CREATE TABLE clients (n serial PRIMARY KEY, name text NOT NULL, ref bigserial);
