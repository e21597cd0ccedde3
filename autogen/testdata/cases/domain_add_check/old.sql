CREATE DOMAIN percent AS numeric(5,2);
