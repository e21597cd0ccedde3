-- Adding and dropping columns next to the ones a view chain reads leaves
-- the chain alone.
CREATE TABLE p (id int PRIMARY KEY, a int, b int);
CREATE VIEW v1 AS SELECT id, a FROM p;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE a > 0;
INSERT INTO p VALUES (1, 1, 1);
