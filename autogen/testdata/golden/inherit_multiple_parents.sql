-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_multiple_parents
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.a (
    x integer
);

CREATE TABLE public.b (
    y integer
);

CREATE TABLE public.ab (
    z integer
) INHERITS (public.a, public.b);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.ab deletes its rows
DROP TABLE public.ab;

-- hazard data-loss (drop-table): dropping table public.b deletes its rows
DROP TABLE public.b;

-- hazard data-loss (drop-table): dropping table public.a deletes its rows
DROP TABLE public.a;

