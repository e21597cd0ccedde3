-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_self_reference
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.nodes (
    id integer NOT NULL,
    parent_id integer,
    CONSTRAINT nodes_pkey PRIMARY KEY (id)
);

ALTER TABLE public.nodes ADD CONSTRAINT nodes_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.nodes(id) ON DELETE CASCADE;

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.nodes deletes its rows
DROP TABLE public.nodes;

