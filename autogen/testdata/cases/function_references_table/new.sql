CREATE TABLE users (id int PRIMARY KEY);
CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM public.users';
