CREATE FUNCTION pairs(n int) RETURNS TABLE (a int, b int) LANGUAGE sql AS 'SELECT i, i * i FROM generate_series(1, n) AS i';
