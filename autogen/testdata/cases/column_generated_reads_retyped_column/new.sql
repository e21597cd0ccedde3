-- A column read by a generated column changes type: PostgreSQL refuses
-- while the generated column exists, so it is dropped first and added back
-- (with its index) after; the generated column reading nothing retyped
-- stays.
CREATE TABLE lines (
    id int PRIMARY KEY,
    qty int NOT NULL,
    price numeric(12,4) NOT NULL,
    total numeric GENERATED ALWAYS AS (qty * price) STORED,
    label text GENERATED ALWAYS AS ('#' || id::text) STORED
);
CREATE INDEX lines_total_idx ON lines (total);
