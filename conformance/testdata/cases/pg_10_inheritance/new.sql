-- Classic table inheritance: children with their own columns, a child
-- of two parents, a parent column added that children get too.
CREATE TABLE vehicles (
    id integer PRIMARY KEY,
    maker text NOT NULL,
    year integer,
    CHECK (maker <> '')
);
CREATE TABLE electric (
    battery_kwh numeric NOT NULL
);
CREATE TABLE cars (
    doors smallint NOT NULL DEFAULT 4
) INHERITS (vehicles);
CREATE TABLE electric_cars (
    range_km integer
) INHERITS (cars, electric);
CREATE INDEX cars_maker_idx ON cars (maker);
