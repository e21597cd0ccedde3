-- Lowering a timestamp's fractional precision rounds: guarded.
CREATE TABLE logs (id int PRIMARY KEY, at timestamp(6) with time zone);
INSERT INTO logs VALUES (1, '2024-01-01 10:00:00+00');
