-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_check_multi_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.ranges (
    id integer NOT NULL,
    lo integer,
    hi integer,
    CONSTRAINT lo_below_hi CHECK ((lo < hi)),
    CONSTRAINT ranges_pkey PRIMARY KEY (id)
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.ranges deletes its rows
DROP TABLE public.ranges;

