-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_without_rename_flag
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-table): dropping table public.old_name deletes its rows
DROP TABLE public.old_name;

CREATE TABLE public.new_name (
    id integer NOT NULL,
    CONSTRAINT new_name_pkey PRIMARY KEY (id)
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.new_name deletes its rows
DROP TABLE public.new_name;

CREATE TABLE public.old_name (
    id integer NOT NULL,
    CONSTRAINT old_name_pkey PRIMARY KEY (id)
);

