CREATE TYPE prio AS ENUM ('high', 'low');
CREATE TABLE tasks (id int PRIMARY KEY, p prio NOT NULL);
CREATE INDEX tasks_urgent_idx ON tasks ((p = 'high'::prio));
