CREATE TYPE status AS ENUM ('new', 'doing', 'done');
CREATE TABLE tasks (id int PRIMARY KEY, status status NOT NULL DEFAULT 'doing',
    CONSTRAINT tasks_not_doing_twice CHECK (status <> 'doing' OR id > 0));
