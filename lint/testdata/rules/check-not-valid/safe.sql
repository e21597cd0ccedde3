-- migrate:revision 000000000011
-- migrate:message check-not-valid safe

-- migrate:upgrade
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;

ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

-- migrate:downgrade
ALTER TABLE orders DROP CONSTRAINT orders_total_positive;
