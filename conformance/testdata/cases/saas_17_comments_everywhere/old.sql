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
COMMENT ON TABLE plans IS 'old wording';
