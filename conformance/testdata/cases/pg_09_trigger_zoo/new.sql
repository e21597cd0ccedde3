-- Statement-level triggers with transition tables, constraint triggers,
-- INSTEAD OF triggers on a view, TRUNCATE triggers, arguments, disabled
-- triggers, triggers on a partitioned table.
CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);
CREATE TABLE ledger (
    account_id integer NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    delta numeric NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE ledger_2025 PARTITION OF ledger FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE FUNCTION noop_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE FUNCTION log_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger (account_id, delta)
    SELECT n.id, n.balance - o.balance FROM new_rows n JOIN old_rows o USING (id);
    RETURN NULL;
END $$;
CREATE FUNCTION check_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.balance < coalesce(TG_ARGV[0]::numeric, 0) THEN RAISE EXCEPTION 'overdrawn'; END IF;
    RETURN NULL;
END $$;
CREATE VIEW account_view AS SELECT id, balance FROM accounts;
CREATE FUNCTION account_view_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO accounts VALUES (NEW.id, NEW.balance);
    RETURN NEW;
END $$;

CREATE TRIGGER accounts_log AFTER UPDATE ON accounts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_changes();
CREATE CONSTRAINT TRIGGER accounts_balance AFTER INSERT OR UPDATE ON accounts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_balance('-100');
CREATE TRIGGER accounts_truncate BEFORE TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION noop_trigger();
CREATE TRIGGER account_view_insert INSTEAD OF INSERT ON account_view
    FOR EACH ROW EXECUTE FUNCTION account_view_insert();
CREATE TRIGGER ledger_noop AFTER INSERT ON ledger
    FOR EACH ROW EXECUTE FUNCTION noop_trigger();
CREATE TRIGGER accounts_noop_disabled AFTER DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION noop_trigger();
ALTER TABLE accounts DISABLE TRIGGER accounts_noop_disabled;
