CREATE TABLE people (id int NOT NULL, name text, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE people_eu PARTITION OF people FOR VALUES IN ('eu');
CREATE TABLE people_us PARTITION OF people FOR VALUES IN ('us');
INSERT INTO people VALUES (1, 'Ann', 'eu'), (2, 'Bob', 'us');
