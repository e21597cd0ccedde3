-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_serial_follows
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.t.id to ident breaks queries that still use the old name
ALTER TABLE public.t RENAME COLUMN id TO ident;

ALTER SEQUENCE public.t_id_seq RENAME TO t_ident_seq;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.t.ident to id breaks queries that still use the old name
ALTER TABLE public.t RENAME COLUMN ident TO id;

ALTER SEQUENCE public.t_ident_seq RENAME TO t_id_seq;

