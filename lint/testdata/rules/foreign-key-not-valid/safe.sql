-- migrate:revision 00000000000e
-- migrate:message foreign-key-not-valid safe

-- migrate:upgrade
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;

ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;

CREATE TABLE payments (order_id bigint);

ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);

-- migrate:downgrade
DROP TABLE payments;

ALTER TABLE orders DROP CONSTRAINT orders_user_fk;
