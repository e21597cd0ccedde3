-- Type changes that need USING or rewrite, with indexes on the columns.
CREATE TABLE conversions (
    id bigint PRIMARY KEY,
    a text NOT NULL DEFAULT '0',
    b integer,
    c integer DEFAULT 0,
    d timestamptz,
    e integer,
    f bigint[],
    g text,
    h jsonb,
    i varchar(10),
    j date,
    k text,
    l numeric(6,1)
);
CREATE INDEX conversions_b_idx ON conversions (b);
CREATE INDEX conversions_k_lower_idx ON conversions (lower(k));
