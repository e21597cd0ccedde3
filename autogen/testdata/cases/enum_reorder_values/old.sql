CREATE TYPE priority AS ENUM ('high', 'low', 'medium');
CREATE TABLE tasks (id int PRIMARY KEY, priority priority);
INSERT INTO tasks VALUES (1, 'low'), (2, 'high');
