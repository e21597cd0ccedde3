-- Values reordered (both directions recreate the type): an expression
-- index casting a literal follows.
CREATE TYPE prio AS ENUM ('low', 'high');
CREATE TABLE tasks (id int PRIMARY KEY, p prio NOT NULL);
CREATE INDEX tasks_urgent_idx ON tasks ((p = 'high'::prio));
INSERT INTO tasks VALUES (1, 'low'), (2, 'high');
