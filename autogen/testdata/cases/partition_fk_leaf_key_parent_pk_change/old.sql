CREATE TABLE logs (id int NOT NULL, day date NOT NULL, src text NOT NULL, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
CREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE notes (log_id int, day date, FOREIGN KEY (log_id, day) REFERENCES logs_2024 (id, day));
INSERT INTO logs VALUES (1, '2024-01-05', 'a');
INSERT INTO notes VALUES (1, '2024-01-05');
