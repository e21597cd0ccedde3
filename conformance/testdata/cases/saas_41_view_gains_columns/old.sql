CREATE TABLE employees (
    id integer PRIMARY KEY,
    name text NOT NULL,
    salary numeric(10,2),
    manager_id integer REFERENCES employees (id)
);
CREATE VIEW employee_directory AS SELECT id, name FROM employees;
CREATE VIEW managers AS SELECT DISTINCT m.id, m.name FROM employees e JOIN employee_directory m ON m.id = e.manager_id;
