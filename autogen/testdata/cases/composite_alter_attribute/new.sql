CREATE TYPE point3 AS (x bigint, y bigint, z integer);
