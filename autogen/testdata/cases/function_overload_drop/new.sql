CREATE FUNCTION fmt(n numeric) RETURNS text LANGUAGE sql AS 'SELECT n::text';
