-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_type_change_with_view_and_policy
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP TRIGGER docs_level_change ON public.docs;

DROP POLICY docs_level ON public.docs;

DROP VIEW public.secret_docs;

ALTER TABLE public.docs ALTER COLUMN level DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.docs.level from smallint to integer rewrites public.docs and its indexes
ALTER TABLE public.docs ALTER COLUMN level TYPE integer;

ALTER TABLE public.docs ALTER COLUMN level SET DEFAULT 0;

CREATE VIEW public.secret_docs AS
SELECT docs.id
   FROM public.docs
  WHERE (docs.level > 5);

CREATE TRIGGER docs_level_change BEFORE UPDATE OF level ON public.docs FOR EACH ROW WHEN ((new.level > 3)) EXECUTE FUNCTION public.t_docs();

CREATE POLICY docs_level ON public.docs AS PERMISSIVE FOR ALL TO PUBLIC USING ((level < 10));

-- migrate:downgrade
DROP TRIGGER docs_level_change ON public.docs;

DROP POLICY docs_level ON public.docs;

DROP VIEW public.secret_docs;

ALTER TABLE public.docs ALTER COLUMN level DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.docs.level from integer to smallint rewrites public.docs and its indexes
-- hazard unsafe-cast: converting public.docs.level from integer to smallint fails if a value does not convert
ALTER TABLE public.docs ALTER COLUMN level TYPE smallint;

ALTER TABLE public.docs ALTER COLUMN level SET DEFAULT 0;

CREATE VIEW public.secret_docs AS
SELECT docs.id
   FROM public.docs
  WHERE (docs.level > 5);

CREATE TRIGGER docs_level_change BEFORE UPDATE OF level ON public.docs FOR EACH ROW WHEN ((new.level > 3)) EXECUTE FUNCTION public.t_docs();

CREATE POLICY docs_level ON public.docs AS PERMISSIVE FOR ALL TO PUBLIC USING ((level < 10));

