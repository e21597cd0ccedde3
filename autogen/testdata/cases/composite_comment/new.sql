CREATE TYPE pair AS (a int, b int);
COMMENT ON TYPE pair IS 'two numbers';
