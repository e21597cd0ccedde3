-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_from_plain_identity_always_fk_out
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.audit DROP CONSTRAINT audit_user_id_fkey;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.audit_user_idx;

-- hazard access-exclusive-lock (rename-table): renaming public.audit to audit_migrate_old breaks queries that still use the old name
ALTER TABLE public.audit RENAME TO audit_migrate_old;

CREATE TABLE public.audit (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    user_id integer,
    at timestamp with time zone DEFAULT '2024-01-01 00:00:00+00'::timestamp with time zone NOT NULL,
    note text
) PARTITION BY RANGE (at);

CREATE TABLE public.audit_h1 PARTITION OF public.audit FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-07-01 00:00:00+00');

CREATE TABLE public.audit_h2 PARTITION OF public.audit FOR VALUES FROM ('2024-07-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');

-- hazard table-rewrite: every row of public.audit is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.audit (id, user_id, at, note) OVERRIDING SYSTEM VALUE
SELECT id, user_id, at, note
FROM public.audit_migrate_old;

SELECT setval(pg_get_serial_sequence('public.audit', 'id'), v) FROM pg_sequence_last_value(pg_get_serial_sequence('public.audit_migrate_old', 'id')::regclass) AS v WHERE v IS NOT NULL;

CREATE INDEX audit_user_idx ON public.audit USING btree (user_id);

ALTER TABLE public.audit ADD CONSTRAINT audit_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);

-- hazard data-loss (drop-table): dropping table public.audit_migrate_old deletes its rows
DROP TABLE public.audit_migrate_old;

-- migrate:downgrade
ALTER TABLE public.audit DROP CONSTRAINT audit_user_id_fkey;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.audit_user_idx;

-- hazard access-exclusive-lock (rename-table): renaming public.audit to audit_migrate_old breaks queries that still use the old name
ALTER TABLE public.audit RENAME TO audit_migrate_old;

CREATE TABLE public.audit (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    user_id integer,
    at timestamp with time zone DEFAULT '2024-01-01 00:00:00+00'::timestamp with time zone NOT NULL,
    note text
);

-- hazard table-rewrite: every row of public.audit is copied into the recreated table under an ACCESS EXCLUSIVE lock
INSERT INTO public.audit (id, user_id, at, note) OVERRIDING SYSTEM VALUE
SELECT id, user_id, at, note
FROM public.audit_migrate_old;

SELECT setval(pg_get_serial_sequence('public.audit', 'id'), v) FROM pg_sequence_last_value(pg_get_serial_sequence('public.audit_migrate_old', 'id')::regclass) AS v WHERE v IS NOT NULL;

CREATE INDEX audit_user_idx ON public.audit USING btree (user_id);

ALTER TABLE public.audit ADD CONSTRAINT audit_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);

-- hazard data-loss (drop-table): dropping table public.audit_migrate_old deletes its rows
DROP TABLE public.audit_migrate_old;

