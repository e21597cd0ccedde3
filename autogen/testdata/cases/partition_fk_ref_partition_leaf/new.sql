CREATE TABLE logs (id int NOT NULL, day date NOT NULL, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
CREATE TABLE logs_2024 (id int NOT NULL, day date NOT NULL, PRIMARY KEY (id, day));
CREATE TABLE notes (log_id int, day date, FOREIGN KEY (log_id, day) REFERENCES logs_2024 (id, day));
