-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_owned_by
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

-- migrate:downgrade
ALTER SEQUENCE public.t_id_seq OWNED BY NONE;

