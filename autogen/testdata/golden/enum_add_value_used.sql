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
-- hazard full-scan: this guard reads every row of public.tasks and stops the revision before anything else runs if public.tasks.status holds a label the recreated public.status drops
DO $guard$
DECLARE
    held bigint;
BEGIN
    SELECT count(*) INTO held FROM public.tasks WHERE status::text = ANY (ARRAY['doing']);
    IF held > 0 THEN
        RAISE EXCEPTION '% row(s) of public.tasks.status hold a label that the recreated public.status no longer has (doing)', held
            USING ERRCODE = 'data_exception', HINT = 'Change those rows to a label the new type keeps first.';
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

