-- migrate:revision 000000000010
-- migrate:message check-not-valid fires

-- migrate:upgrade
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);

ALTER TABLE orders ADD COLUMN discount numeric CHECK (discount >= 0);

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN discount;

ALTER TABLE orders DROP CONSTRAINT orders_total_positive;
