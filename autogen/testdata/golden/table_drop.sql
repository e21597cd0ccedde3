-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-table): dropping table public.leftovers deletes its rows
DROP TABLE public.leftovers;

-- migrate:downgrade
CREATE TABLE public.leftovers (
    id integer NOT NULL,
    note text,
    CONSTRAINT leftovers_pkey PRIMARY KEY (id)
);

