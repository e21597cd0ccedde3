-- migrate:revision 000000000012
-- migrate:message check-not-valid nolint

-- migrate:upgrade
-- migrate:nolint check-not-valid orders is small and the check must hold before the next statement
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);

-- migrate:downgrade
ALTER TABLE orders DROP CONSTRAINT orders_total_positive;
