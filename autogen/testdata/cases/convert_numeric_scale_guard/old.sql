-- numeric(10,4) -> numeric(10,2) rounds silently even without USING: a
-- guard counts the values that would change and stops the upgrade.
CREATE TABLE prices (id int PRIMARY KEY, amount numeric(10,4) NOT NULL);
INSERT INTO prices VALUES (1, 1.25), (2, 99.5);
