CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, total numeric NOT NULL, placed date NOT NULL);
