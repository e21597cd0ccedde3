-- migrate:revision 00000000000f
-- migrate:message foreign-key-not-valid nolint

-- migrate:upgrade
-- migrate:nolint foreign-key-not-valid orders is new this week and holds a few rows
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);

-- migrate:downgrade
ALTER TABLE orders DROP CONSTRAINT orders_user_fk;
