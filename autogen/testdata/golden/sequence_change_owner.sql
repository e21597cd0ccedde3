-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_change_owner
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER SEQUENCE public.s OWNED BY NONE;

ALTER SEQUENCE public.s OWNED BY public.t.b;

-- migrate:downgrade
ALTER SEQUENCE public.s OWNED BY NONE;

ALTER SEQUENCE public.s OWNED BY public.t.a;

