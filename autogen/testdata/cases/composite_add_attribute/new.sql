CREATE TYPE address AS (street text, city text, country character(2));
