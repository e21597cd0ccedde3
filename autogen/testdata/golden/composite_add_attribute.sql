-- migrate:revision 0a1b2c3d4e5f
-- migrate:message composite_add_attribute
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TYPE public.address ADD ATTRIBUTE country character(2);

-- migrate:downgrade
-- hazard data-loss: values of attribute country stored in columns of type public.address are lost
ALTER TYPE public.address DROP ATTRIBUTE country;

