CREATE TABLE m (id integer, at date) PARTITION BY range (at);
CREATE TABLE m_1 (id integer, at date);
ALTER TABLE m ATTACH PARTITION m_1 FOR VALUES FROM ('2024-01-01'::date) TO ('2025-01-01'::date);
