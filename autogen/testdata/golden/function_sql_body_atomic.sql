-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_sql_body_atomic
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.t (
    id integer NOT NULL,
    v integer,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.total_v()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT sum(t.v) AS sum
    FROM public.t;
END;

-- migrate:downgrade
DROP FUNCTION public.total_v();

-- hazard data-loss (drop-table): dropping table public.t deletes its rows
DROP TABLE public.t;

