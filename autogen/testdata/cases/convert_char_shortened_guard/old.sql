-- character(n) pads and trims spaces: a guard runs before narrowing it.
CREATE TABLE codes (id int PRIMARY KEY, code char(8));
INSERT INTO codes VALUES (1, 'abc');
