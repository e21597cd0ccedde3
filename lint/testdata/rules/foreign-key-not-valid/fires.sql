-- migrate:revision 00000000000d
-- migrate:message foreign-key-not-valid fires

-- migrate:upgrade
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);

ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN coupon_id;

ALTER TABLE orders DROP CONSTRAINT orders_user_fk;
