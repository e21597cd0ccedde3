-- migrate:revision 0a1b2c3d4e5f
-- migrate:message composite_uses_enum
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TYPE public.unit AS ENUM ('kg', 'lb');

CREATE TYPE public.weight AS (amount numeric, unit public.unit);

CREATE DOMAIN public.heavy AS public.weight CONSTRAINT heavy_check CHECK (((VALUE).amount > (100)::numeric));

-- migrate:downgrade
DROP DOMAIN public.heavy;

DROP TYPE public.weight;

DROP TYPE public.unit;

