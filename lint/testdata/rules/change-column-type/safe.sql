-- migrate:revision 00000000000b
-- migrate:message change-column-type safe

-- migrate:upgrade
ALTER TABLE orders ADD COLUMN total_v2 numeric(12,2);

CREATE TABLE refunds (amount integer);

ALTER TABLE refunds ALTER COLUMN amount TYPE bigint;

-- migrate:downgrade
DROP TABLE refunds;

ALTER TABLE orders DROP COLUMN total_v2;
