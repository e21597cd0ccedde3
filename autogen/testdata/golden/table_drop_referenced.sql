-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_drop_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.c DROP CONSTRAINT c_b_id_fkey;

-- hazard data-loss (drop-table): dropping table public.b deletes its rows
DROP TABLE public.b;

-- hazard data-loss (drop-table): dropping table public.a deletes its rows
DROP TABLE public.a;

-- migrate:downgrade
CREATE TABLE public.a (
    id integer NOT NULL,
    CONSTRAINT a_pkey PRIMARY KEY (id)
);

CREATE TABLE public.b (
    id integer NOT NULL,
    a_id integer,
    CONSTRAINT b_pkey PRIMARY KEY (id)
);

ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);

-- hazard full-scan (foreign-key-not-valid): validating c_b_id_fkey scans every row of public.c while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.c ADD CONSTRAINT c_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b(id);

