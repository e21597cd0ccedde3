CREATE TYPE priority AS ENUM ('low', 'medium', 'high');
CREATE TABLE tasks (id int PRIMARY KEY, priority priority);
