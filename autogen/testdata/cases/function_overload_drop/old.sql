CREATE FUNCTION fmt(n int) RETURNS text LANGUAGE sql AS 'SELECT n::text';
CREATE FUNCTION fmt(n numeric) RETURNS text LANGUAGE sql AS 'SELECT n::text';
