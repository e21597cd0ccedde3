CREATE TABLE lines (
    id int PRIMARY KEY,
    qty int NOT NULL,
    price numeric(10,2) NOT NULL,
    total numeric GENERATED ALWAYS AS (qty * price) STORED,
    label text GENERATED ALWAYS AS ('#' || id::text) STORED
);
CREATE INDEX lines_total_idx ON lines (total);
