CREATE TABLE regions (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
CREATE TABLE shops (
    id integer PRIMARY KEY,
    region_id integer,
    region_code text,
    manager_id integer,
    opened date,
    closed date
);
