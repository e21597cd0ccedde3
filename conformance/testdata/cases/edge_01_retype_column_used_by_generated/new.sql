-- A column read by a generated column changes type: PostgreSQL refuses to
-- retype it while the generated column exists.
CREATE TABLE lines (
    id integer PRIMARY KEY,
    qty integer NOT NULL,
    price numeric(12,4) NOT NULL,
    total numeric GENERATED ALWAYS AS (qty * price) STORED
);
