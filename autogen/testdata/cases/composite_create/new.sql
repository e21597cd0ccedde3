CREATE TYPE address AS (street text, city text, zip character varying(10));
