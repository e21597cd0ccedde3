CREATE TABLE people (id int NOT NULL, name text, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE people_eu PARTITION OF people FOR VALUES IN ('eu');
CREATE TABLE people_us PARTITION OF people FOR VALUES IN ('us');
CREATE INDEX people_lower_name ON people (lower(name)) INCLUDE (id);
CREATE UNIQUE INDEX people_region_id ON people (region, id) WHERE name IS NOT NULL;
