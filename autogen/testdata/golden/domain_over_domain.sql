-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_over_domain
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE DOMAIN public.pos AS integer CONSTRAINT pos_check CHECK ((VALUE > 0));

CREATE DOMAIN public.small_pos AS public.pos CONSTRAINT small_pos_check CHECK (((VALUE)::integer < 100));

CREATE TABLE public.t (
    n public.small_pos
);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.t deletes its rows
DROP TABLE public.t;

DROP DOMAIN public.small_pos;

DROP DOMAIN public.pos;

