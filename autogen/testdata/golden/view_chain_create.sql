-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_chain_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.users (
    id integer NOT NULL,
    name text NOT NULL,
    email text,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

CREATE VIEW public.z_base AS
SELECT users.id,
    users.name
   FROM public.users;

CREATE VIEW public.a_top AS
SELECT count(*) AS n
   FROM public.z_base;

CREATE VIEW public.m_mid AS
SELECT b.id
   FROM (public.z_base b
     JOIN public.a_top t ON ((t.n > 0)));

-- migrate:downgrade
DROP VIEW public.m_mid;

DROP VIEW public.a_top;

DROP VIEW public.z_base;

-- hazard data-loss (drop-table): dropping table public.users deletes its rows
DROP TABLE public.users;

