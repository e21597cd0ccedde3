-- A composite type no table stores has an attribute of a recreated enum:
-- ALTER TYPE ... ALTER ATTRIBUTE follows it.
CREATE TYPE unit AS ENUM ('kg', 'g', 'lb');
CREATE TYPE weight AS (amount numeric, unit unit);
CREATE TABLE parcels (id int PRIMARY KEY, unit unit);
INSERT INTO parcels VALUES (1, 'kg');
