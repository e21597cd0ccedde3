CREATE TABLE visits (id int NOT NULL, day date NOT NULL, site text NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE visits_all PARTITION OF visits FOR VALUES FROM ('2000-01-01') TO ('2100-01-01');
INSERT INTO visits VALUES (1, '2024-01-01', 'a'), (2, '2024-01-02', 'b');
