CREATE TYPE unit AS ENUM ('kg', 'g');
CREATE TYPE weight AS (amount numeric, unit unit);
CREATE TABLE parcels (id int PRIMARY KEY, unit unit);
