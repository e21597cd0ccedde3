CREATE TABLE conversions (
    id integer PRIMARY KEY,
    a integer NOT NULL DEFAULT 0,
    b text,
    c boolean DEFAULT false,
    d date,
    e numeric(12,4),
    f integer[],
    g jsonb,
    h text,
    i char(5),
    j timestamp,
    k varchar(40),
    l smallint
);
CREATE INDEX conversions_b_idx ON conversions (b);
CREATE INDEX conversions_k_lower_idx ON conversions (lower(k));
