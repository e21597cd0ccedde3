-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_fk_cycle
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.a (
    id integer NOT NULL,
    b_id integer,
    CONSTRAINT a_pkey PRIMARY KEY (id)
);

CREATE TABLE public.b (
    id integer NOT NULL,
    a_id integer,
    CONSTRAINT b_pkey PRIMARY KEY (id)
);

ALTER TABLE public.a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES public.b(id);

ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);

-- migrate:downgrade
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;

-- hazard data-loss (drop-table): dropping table public.a deletes its rows
DROP TABLE public.a;

-- hazard data-loss (drop-table): dropping table public.b deletes its rows
DROP TABLE public.b;

