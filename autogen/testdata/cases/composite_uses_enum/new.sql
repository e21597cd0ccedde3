CREATE TYPE unit AS ENUM ('kg', 'lb');
CREATE TYPE weight AS (amount numeric, unit unit);
CREATE DOMAIN heavy AS weight CHECK ((VALUE).amount > 100);
