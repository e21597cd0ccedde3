-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_recreated_with_dependents
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP POLICY docs_tenant ON public.docs;

ALTER TABLE public.docs DROP CONSTRAINT docs_title_check;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.docs_title_norm_idx;

ALTER TABLE public.docs ALTER COLUMN tenant_id DROP DEFAULT;

DROP FUNCTION public.norm(t text);

DROP FUNCTION public.tenant();

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.norm(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(t) $function$;

CREATE OR REPLACE FUNCTION public.tenant()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT 1::bigint $function$;

ALTER TABLE public.docs ALTER COLUMN tenant_id SET DEFAULT public.tenant();

-- hazard full-scan (check-not-valid): validating docs_title_check scans every row of public.docs while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.docs ADD CONSTRAINT docs_title_check CHECK ((public.norm(title) IS NOT NULL));

-- hazard index-build-blocks-writes (require-concurrent-index): index docs_title_norm_idx is built without CONCURRENTLY: writes to public.docs block until it is done
CREATE INDEX docs_title_norm_idx ON public.docs USING btree (public.norm(title));

CREATE POLICY docs_tenant ON public.docs AS PERMISSIVE FOR ALL TO PUBLIC USING ((tenant_id = public.tenant()));

-- migrate:downgrade
DROP POLICY docs_tenant ON public.docs;

ALTER TABLE public.docs DROP CONSTRAINT docs_title_check;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.docs_title_norm_idx;

ALTER TABLE public.docs ALTER COLUMN tenant_id DROP DEFAULT;

DROP FUNCTION public.norm(t text);

DROP FUNCTION public.tenant();

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.norm(t text)
 RETURNS character varying
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(t) $function$;

CREATE OR REPLACE FUNCTION public.tenant()
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT 1 $function$;

ALTER TABLE public.docs ALTER COLUMN tenant_id SET DEFAULT public.tenant();

-- hazard full-scan (check-not-valid): validating docs_title_check scans every row of public.docs while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.docs ADD CONSTRAINT docs_title_check CHECK ((public.norm(title) IS NOT NULL));

-- hazard index-build-blocks-writes (require-concurrent-index): index docs_title_norm_idx is built without CONCURRENTLY: writes to public.docs block until it is done
CREATE INDEX docs_title_norm_idx ON public.docs USING btree (public.norm(title));

CREATE POLICY docs_tenant ON public.docs AS PERMISSIVE FOR ALL TO PUBLIC USING ((tenant_id = public.tenant()));

