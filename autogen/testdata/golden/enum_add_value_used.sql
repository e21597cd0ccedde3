-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_add_value_used
-- migrate:created 2026-01-02T03:04:05Z
-- migrate:transaction false

-- migrate:upgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.status ADD VALUE 'doing' AFTER 'new';

ALTER TABLE public.tasks ALTER COLUMN status SET DEFAULT 'doing'::public.status;

-- hazard full-scan (check-not-valid): validating tasks_not_doing_twice scans every row of public.tasks while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.tasks ADD CONSTRAINT tasks_not_doing_twice CHECK (((status <> 'doing'::public.status) OR (id > 0)));

-- migrate:downgrade
-- hazard full-scan: this guard reads every row of public.tasks before the revision changes anything, and stops it if public.tasks.status holds a value the recreated type public.status does not have (the revision runs outside a transaction)
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.tasks WHERE status::text <> ALL (ARRAY['new', 'done']::text[]);
    IF changed > 0 THEN
        RAISE EXCEPTION 'public.tasks.status: % row(s) hold a value the recreated type public.status does not have; nothing was changed', changed
            USING ERRCODE = 'data_exception', HINT = 'Change or delete those rows first, then run the revision again.';
    END IF;
END
$guard$;

ALTER TABLE public.tasks DROP CONSTRAINT tasks_not_doing_twice;

ALTER TYPE public.status RENAME TO status__old;

CREATE TYPE public.status AS ENUM ('new', 'done');

ALTER TABLE public.tasks ALTER COLUMN status DROP DEFAULT;

-- hazard unsafe-cast (change-column-type): values of public.tasks.status are converted to the recreated type public.status; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.tasks.status rewrites public.tasks
ALTER TABLE public.tasks ALTER COLUMN status TYPE public.status USING status::text::public.status;

ALTER TABLE public.tasks ALTER COLUMN status SET DEFAULT 'new'::public.status;

DROP TYPE public.status__old;

