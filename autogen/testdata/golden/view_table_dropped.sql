-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_table_dropped
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.gone_view;

-- hazard data-loss (drop-table): dropping table public.gone deletes its rows
DROP TABLE public.gone;

-- migrate:downgrade
CREATE TABLE public.gone (
    id integer NOT NULL,
    CONSTRAINT gone_pkey PRIMARY KEY (id)
);

CREATE VIEW public.gone_view AS
SELECT g.id,
    u.name
   FROM (public.gone g
     JOIN public.users u USING (id));

