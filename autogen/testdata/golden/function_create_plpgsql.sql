-- migrate:revision 0a1b2c3d4e5f
-- migrate:message function_create_plpgsql
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.add_tax(amount numeric, rate numeric DEFAULT 0.2)
 RETURNS numeric
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
    RETURN amount * (1 + rate);
END
$function$;

-- migrate:downgrade
DROP FUNCTION public.add_tax(amount numeric, rate numeric);

