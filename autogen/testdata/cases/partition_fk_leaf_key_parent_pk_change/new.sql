CREATE TABLE logs (id int NOT NULL, day date NOT NULL, src text NOT NULL, PRIMARY KEY (id, day, src)) PARTITION BY RANGE (day);
CREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE logs_2024 ADD CONSTRAINT logs_2024_id_day_key UNIQUE (id, day);
CREATE TABLE notes (log_id int, day date, FOREIGN KEY (log_id, day) REFERENCES logs_2024 (id, day));
