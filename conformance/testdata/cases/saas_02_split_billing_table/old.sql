CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(200) NOT NULL,
    plan varchar(20) NOT NULL DEFAULT 'free',
    billing_email varchar(255),
    billing_address text,
    card_last4 char(4),
    trial_ends_at timestamptz
);
CREATE INDEX accounts_plan_idx ON accounts (plan);
