-- Billing details move out of accounts into their own table, one row per
-- account, keyed by the account.
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(200) NOT NULL,
    trial_ends_at timestamptz
);

CREATE TABLE billing_profiles (
    account_id bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    plan varchar(20) NOT NULL DEFAULT 'free',
    email varchar(255) NOT NULL,
    address text,
    card_last4 char(4),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_profiles_plan_idx ON billing_profiles (plan);
