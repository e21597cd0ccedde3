-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_identity_to_serial
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.a ALTER COLUMN id DROP IDENTITY;

CREATE SEQUENCE public.a_id_seq AS integer;

ALTER TABLE public.a ALTER COLUMN id SET DEFAULT nextval('public.a_id_seq'::regclass);

ALTER TABLE public.b ALTER COLUMN id DROP DEFAULT;

ALTER TABLE public.b ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

ALTER SEQUENCE public.a_id_seq OWNED BY public.a.id;

-- hazard data-loss: the current value of sequence public.b_id_seq is lost
DROP SEQUENCE public.b_id_seq;

-- migrate:downgrade
ALTER TABLE public.b ALTER COLUMN id DROP IDENTITY;

CREATE SEQUENCE public.b_id_seq AS integer;

ALTER TABLE public.a ALTER COLUMN id DROP DEFAULT;

ALTER TABLE public.a ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

ALTER TABLE public.b ALTER COLUMN id SET DEFAULT nextval('public.b_id_seq'::regclass);

ALTER SEQUENCE public.b_id_seq OWNED BY public.b.id;

-- hazard data-loss: the current value of sequence public.a_id_seq is lost
DROP SEQUENCE public.a_id_seq;

