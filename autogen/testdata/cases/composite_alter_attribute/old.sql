CREATE TYPE point3 AS (x integer, y integer, z integer);
