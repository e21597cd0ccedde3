-- Documentation pass: comments on every kind of object.
CREATE TYPE plan_tier AS ENUM ('free', 'pro');
CREATE TABLE plans (
    id integer PRIMARY KEY,
    tier plan_tier NOT NULL,
    price_cents integer NOT NULL CONSTRAINT plans_price_positive CHECK (price_cents >= 0)
);
CREATE INDEX plans_tier_idx ON plans (tier);
CREATE VIEW paid_plans AS SELECT * FROM plans WHERE price_cents > 0;
CREATE FUNCTION plan_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM plans $$;
CREATE SEQUENCE plan_codes;

COMMENT ON SCHEMA public IS 'billing catalogue';
COMMENT ON TYPE plan_tier IS 'what a customer pays for';
COMMENT ON TABLE plans IS 'Plans customers can subscribe to';
COMMENT ON COLUMN plans.price_cents IS 'monthly price, in cents';
COMMENT ON CONSTRAINT plans_price_positive ON plans IS 'free plans cost 0';
COMMENT ON CONSTRAINT plans_pkey ON plans IS 'plan ids are assigned by hand';
COMMENT ON INDEX plans_tier_idx IS 'for the pricing page';
COMMENT ON VIEW paid_plans IS 'plans that cost money';
COMMENT ON COLUMN paid_plans.tier IS 'tier of a paid plan';
COMMENT ON FUNCTION plan_count() IS 'number of plans';
COMMENT ON SEQUENCE plan_codes IS 'external plan codes';
