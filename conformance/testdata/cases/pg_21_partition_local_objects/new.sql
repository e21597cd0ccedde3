-- Objects that belong to one partition only (an index, a check, a foreign
-- key, a default), a foreign key referencing the partitioned table, a
-- trigger and an index on the parent.
CREATE TABLE tenants (id integer PRIMARY KEY, name text);
CREATE TABLE orders (
    tenant_id integer NOT NULL REFERENCES tenants (id),
    id bigint NOT NULL,
    status text NOT NULL DEFAULT 'new',
    note text,
    PRIMARY KEY (tenant_id, id)
) PARTITION BY LIST (tenant_id);
CREATE TABLE orders_1 PARTITION OF orders (
    status DEFAULT 'pending',
    CONSTRAINT orders_1_note_check CHECK (note IS NULL OR length(note) < 100)
) FOR VALUES IN (1);
CREATE TABLE orders_2 PARTITION OF orders FOR VALUES IN (2);
CREATE TABLE orders_3 PARTITION OF orders FOR VALUES IN (3, 4);
CREATE INDEX orders_1_note_idx ON orders_1 (note);
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE shipments (
    id bigint PRIMARY KEY,
    tenant_id integer NOT NULL,
    order_id bigint NOT NULL,
    FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE
);
CREATE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_touch();
