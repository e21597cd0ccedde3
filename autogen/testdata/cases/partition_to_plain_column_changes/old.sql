CREATE TABLE clicks (id bigint NOT NULL, at date NOT NULL, ref varchar(20), legacy text) PARTITION BY RANGE (at);
CREATE TABLE clicks_2024 PARTITION OF clicks FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO clicks VALUES (1, '2024-01-01', 'google', 'old'), (2, '2024-02-01', 'bing', 'old');
