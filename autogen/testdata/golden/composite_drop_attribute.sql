-- migrate:revision 0a1b2c3d4e5f
-- migrate:message composite_drop_attribute
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss: values of attribute note stored in columns of type public.address are lost
ALTER TYPE public.address DROP ATTRIBUTE note;

-- migrate:downgrade
ALTER TYPE public.address ADD ATTRIBUTE note text;

