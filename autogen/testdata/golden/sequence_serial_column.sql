-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_serial_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SEQUENCE public.t_id_seq AS integer;

-- hazard table-rewrite (volatile-default): the default of public.t.id is volatile: every row is rewritten
ALTER TABLE public.t ADD COLUMN id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL;

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.t.id deletes its data
ALTER TABLE public.t DROP COLUMN id;

