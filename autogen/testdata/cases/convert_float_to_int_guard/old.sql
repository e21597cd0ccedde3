-- double precision -> integer rounds: guarded. integer -> bigint widens.
CREATE TABLE m (id int PRIMARY KEY, q double precision, n integer);
INSERT INTO m VALUES (1, 3, 7);
