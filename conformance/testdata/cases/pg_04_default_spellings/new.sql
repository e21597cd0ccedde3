-- Every default changes, to spellings the catalog rewrites.
CREATE SEQUENCE counter;
CREATE TABLE defaults (
    id integer PRIMARY KEY,
    created timestamptz DEFAULT (now() AT TIME ZONE 'utc'),
    flag boolean DEFAULT 'yes',
    amount numeric(8,2) DEFAULT -0.01,
    label text DEFAULT upper('some' || 'thing'),
    tags text[] DEFAULT ARRAY['a', 'b'],
    next integer DEFAULT nextval('counter') * 10,
    doc jsonb DEFAULT jsonb_build_object('v', 1, 'at', now()),
    day date DEFAULT (CURRENT_DATE + 7),
    ratio double precision DEFAULT pi() / 2
);
