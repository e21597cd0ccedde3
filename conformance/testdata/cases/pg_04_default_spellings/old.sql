CREATE SEQUENCE counter;
CREATE TABLE defaults (
    id integer PRIMARY KEY,
    created timestamptz DEFAULT now(),
    flag boolean DEFAULT false,
    amount numeric(8,2) DEFAULT 0,
    label text DEFAULT 'none',
    tags text[] DEFAULT '{}',
    next integer DEFAULT nextval('counter'),
    doc jsonb DEFAULT '{}',
    day date DEFAULT CURRENT_DATE,
    ratio double precision DEFAULT 0.5
);
