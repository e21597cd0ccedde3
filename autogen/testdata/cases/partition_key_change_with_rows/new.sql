CREATE TABLE visits (id int NOT NULL, day date NOT NULL, site text NOT NULL) PARTITION BY LIST (site);
CREATE TABLE visits_a PARTITION OF visits FOR VALUES IN ('a');
CREATE TABLE visits_other PARTITION OF visits DEFAULT;
