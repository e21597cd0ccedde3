-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_trgm_opclass
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public VERSION '1.6';

CREATE TABLE public.t (
    id integer NOT NULL,
    name text,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);

CREATE INDEX t_name_trgm ON public.t USING gist (name public.gist_trgm_ops);

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.t deletes its rows
DROP TABLE public.t;

-- hazard data-loss: dropping extension pg_trgm drops the objects it owns
DROP EXTENSION pg_trgm;

