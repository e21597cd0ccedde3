-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_identity_to_serial
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SEQUENCE public.a_id_seq__new AS integer;

SELECT setval('public.a_id_seq__new'::regclass, last_value) FROM pg_sequence_last_value(pg_get_serial_sequence('public.a', 'id')::regclass) AS last_value WHERE last_value IS NOT NULL;

ALTER TABLE public.a ALTER COLUMN id DROP IDENTITY;

ALTER SEQUENCE public.a_id_seq__new RENAME TO a_id_seq;

ALTER TABLE public.a ALTER COLUMN id SET DEFAULT nextval('public.a_id_seq'::regclass);

ALTER TABLE public.b ALTER COLUMN id DROP DEFAULT;

ALTER SEQUENCE public.b_id_seq OWNED BY NONE;

ALTER TABLE public.b ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

SELECT setval(pg_get_serial_sequence('public.b', 'id')::regclass, last_value, is_called) FROM public.b_id_seq;

ALTER SEQUENCE public.a_id_seq OWNED BY public.a.id;

DROP SEQUENCE public.b_id_seq;

-- migrate:downgrade
CREATE SEQUENCE public.b_id_seq__new AS integer;

SELECT setval('public.b_id_seq__new'::regclass, last_value) FROM pg_sequence_last_value(pg_get_serial_sequence('public.b', 'id')::regclass) AS last_value WHERE last_value IS NOT NULL;

ALTER TABLE public.b ALTER COLUMN id DROP IDENTITY;

ALTER SEQUENCE public.b_id_seq__new RENAME TO b_id_seq;

ALTER TABLE public.a ALTER COLUMN id DROP DEFAULT;

ALTER SEQUENCE public.a_id_seq OWNED BY NONE;

ALTER TABLE public.a ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

SELECT setval(pg_get_serial_sequence('public.a', 'id')::regclass, last_value, is_called) FROM public.a_id_seq;

ALTER TABLE public.b ALTER COLUMN id SET DEFAULT nextval('public.b_id_seq'::regclass);

ALTER SEQUENCE public.b_id_seq OWNED BY public.b.id;

DROP SEQUENCE public.a_id_seq;

