-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_view_and_generated
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.big_shirts;

ALTER TYPE public.size RENAME TO size__old;

CREATE TYPE public.size AS ENUM ('s', 'm', 'l');

-- hazard data-loss (drop-column): dropping column public.shirts.big deletes its data
ALTER TABLE public.shirts DROP COLUMN big;

-- hazard unsafe-cast (change-column-type): values of public.shirts.size are converted to the recreated type public.size; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.shirts.size rewrites public.shirts
ALTER TABLE public.shirts ALTER COLUMN size TYPE public.size USING size::text::public.size;

-- hazard table-rewrite (volatile-default): a stored generated column public.shirts.big is computed for every row, rewriting the table
ALTER TABLE public.shirts ADD COLUMN big boolean GENERATED ALWAYS AS ((size >= 'l'::public.size)) STORED;

DROP TYPE public.size__old;

CREATE VIEW public.big_shirts AS
SELECT shirts.id,
    shirts.size
   FROM public.shirts
  WHERE (shirts.size >= 'l'::public.size);

-- migrate:downgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.size ADD VALUE 'xl' AFTER 'l';

