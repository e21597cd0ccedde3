-- numeric(10,2) -> numeric(6,2): same scale, so nothing rounds; a value
-- too large is an error (numeric field overflow).
CREATE TABLE prices (id int PRIMARY KEY, amount numeric(10,2));
INSERT INTO prices VALUES (1, 1234.56);
