-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_from_plain_serial_view
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER SEQUENCE public.tickets_id_seq OWNED BY NONE;

DROP VIEW public.open_tickets;

ALTER TABLE public.tickets DROP CONSTRAINT tickets_pkey;

-- hazard access-exclusive-lock (rename-table): renaming public.tickets to tickets_migrate_old breaks queries that still use the old name
ALTER TABLE public.tickets RENAME TO tickets_migrate_old;

CREATE TABLE public.tickets (
    id integer DEFAULT nextval('public.tickets_id_seq'::regclass) NOT NULL,
    opened date DEFAULT '2024-01-01'::date NOT NULL,
    title text NOT NULL,
    CONSTRAINT tickets_pkey PRIMARY KEY (id, opened)
) PARTITION BY RANGE (opened);

CREATE TABLE public.tickets_all PARTITION OF public.tickets FOR VALUES FROM (MINVALUE) TO (MAXVALUE);

-- hazard table-rewrite: every row of public.tickets is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.tickets (id, opened, title)
SELECT id, opened, title
FROM public.tickets_migrate_old;

ALTER SEQUENCE public.tickets_id_seq OWNED BY public.tickets.id;

CREATE VIEW public.open_tickets AS
SELECT tickets.id,
    tickets.title
   FROM public.tickets;

-- hazard data-loss (drop-table): dropping table public.tickets_migrate_old deletes its rows
DROP TABLE public.tickets_migrate_old;

-- migrate:downgrade
ALTER SEQUENCE public.tickets_id_seq OWNED BY NONE;

DROP VIEW public.open_tickets;

ALTER TABLE public.tickets DROP CONSTRAINT tickets_pkey;

-- hazard access-exclusive-lock (rename-table): renaming public.tickets to tickets_migrate_old breaks queries that still use the old name
ALTER TABLE public.tickets RENAME TO tickets_migrate_old;

CREATE TABLE public.tickets (
    id integer DEFAULT nextval('public.tickets_id_seq'::regclass) NOT NULL,
    opened date DEFAULT '2024-01-01'::date NOT NULL,
    title text NOT NULL,
    CONSTRAINT tickets_pkey PRIMARY KEY (id, opened)
);

-- hazard table-rewrite: every row of public.tickets is copied into the recreated table under an ACCESS EXCLUSIVE lock
INSERT INTO public.tickets (id, opened, title)
SELECT id, opened, title
FROM public.tickets_migrate_old;

ALTER SEQUENCE public.tickets_id_seq OWNED BY public.tickets.id;

CREATE VIEW public.open_tickets AS
SELECT tickets.id,
    tickets.title
   FROM public.tickets;

-- hazard data-loss (drop-table): dropping table public.tickets_migrate_old deletes its rows
DROP TABLE public.tickets_migrate_old;

