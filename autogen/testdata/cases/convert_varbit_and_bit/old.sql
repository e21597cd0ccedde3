-- Bit strings: a shorter varbit or another bit length is an error on a
-- value that does not fit, never cut.
CREATE TABLE flags (id int PRIMARY KEY, f varbit(16), g bit(4));
INSERT INTO flags VALUES (1, B'101', B'1010');
