-- NOT NULL, a default and a type change on the parent reach the
-- partitions by themselves.
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind varchar(20) DEFAULT 'info') PARTITION BY RANGE (at);
CREATE TABLE events_a PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2030-01-01');
CREATE TABLE events_b PARTITION OF events DEFAULT;
