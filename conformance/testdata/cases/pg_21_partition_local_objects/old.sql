CREATE TABLE tenants (id integer PRIMARY KEY);
CREATE TABLE orders (
    tenant_id integer NOT NULL,
    id bigint NOT NULL,
    status text NOT NULL DEFAULT 'new',
    PRIMARY KEY (tenant_id, id)
) PARTITION BY LIST (tenant_id);
CREATE TABLE orders_1 PARTITION OF orders FOR VALUES IN (1);
CREATE TABLE orders_2 PARTITION OF orders FOR VALUES IN (2);
