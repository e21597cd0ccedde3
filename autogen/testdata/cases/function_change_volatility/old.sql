CREATE FUNCTION pi2() RETURNS double precision LANGUAGE sql AS 'SELECT pi() * 2';
