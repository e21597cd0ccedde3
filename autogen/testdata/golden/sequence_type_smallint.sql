-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_type_smallint
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER SEQUENCE public.s AS smallint MAXVALUE 32767;

-- migrate:downgrade
ALTER SEQUENCE public.s AS bigint MAXVALUE 9223372036854775807;

