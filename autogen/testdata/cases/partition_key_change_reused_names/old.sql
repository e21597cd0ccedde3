CREATE TABLE jobs (id bigint NOT NULL, queue text NOT NULL, payload jsonb, PRIMARY KEY (id, queue)) PARTITION BY LIST (queue);
CREATE TABLE jobs_p0 PARTITION OF jobs FOR VALUES IN ('mail', 'sms');
CREATE TABLE jobs_p1 PARTITION OF jobs DEFAULT;
CREATE INDEX jobs_payload_idx ON jobs USING gin (payload);
INSERT INTO jobs VALUES (1, 'mail', '{"to": "a"}'), (2, 'sms', '{}'), (3, 'push', null);
