CREATE DOMAIN score AS integer;
