-- migrate:revision 0a1b2c3d4e5f
-- migrate:message identity_to_bigserial_keeps_counter
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SEQUENCE public.events_id_seq__new AS bigint;

SELECT setval('public.events_id_seq__new'::regclass, last_value) FROM pg_sequence_last_value(pg_get_serial_sequence('public.events', 'id')::regclass) AS last_value WHERE last_value IS NOT NULL;

ALTER TABLE public.events ALTER COLUMN id DROP IDENTITY;

ALTER SEQUENCE public.events_id_seq__new RENAME TO events_id_seq;

-- hazard table-rewrite (change-column-type): changing the type of public.events.id from integer to bigint rewrites public.events and its indexes
ALTER TABLE public.events ALTER COLUMN id TYPE bigint;

ALTER TABLE public.events ALTER COLUMN id SET DEFAULT nextval('public.events_id_seq'::regclass);

ALTER SEQUENCE public.events_id_seq OWNED BY public.events.id;

-- migrate:downgrade
ALTER TABLE public.events ALTER COLUMN id DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.events.id from bigint to integer rewrites public.events and its indexes
-- hazard unsafe-cast: converting public.events.id from bigint to integer fails if a value does not convert
ALTER TABLE public.events ALTER COLUMN id TYPE integer;

ALTER SEQUENCE public.events_id_seq OWNED BY NONE;

ALTER TABLE public.events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

SELECT setval(pg_get_serial_sequence('public.events', 'id')::regclass, last_value, is_called) FROM public.events_id_seq;

DROP SEQUENCE public.events_id_seq;

