CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (id);
CREATE TABLE events_low PARTITION OF events FOR VALUES FROM (0) TO (1000);
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON events FOR SELECT TO app_reader USING (id > 0);
GRANT SELECT ON events TO app_reader;
COMMENT ON TABLE events IS 'by id';
