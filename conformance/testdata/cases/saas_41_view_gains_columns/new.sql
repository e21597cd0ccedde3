-- The directory shows more columns (and its dependent view must be
-- rebuilt); a recursive view walks the hierarchy.
CREATE TABLE employees (
    id integer PRIMARY KEY,
    name text NOT NULL,
    title text,
    salary numeric(10,2),
    manager_id integer REFERENCES employees (id)
);
CREATE VIEW employee_directory AS SELECT id, name, title, manager_id FROM employees;
CREATE VIEW managers AS SELECT DISTINCT m.id, m.name FROM employees e JOIN employee_directory m ON m.id = e.manager_id;
CREATE RECURSIVE VIEW reporting_chain (id, manager_id, depth) AS
    SELECT id, manager_id, 0 FROM employees WHERE manager_id IS NULL
    UNION ALL
    SELECT e.id, e.manager_id, r.depth + 1 FROM employees e JOIN reporting_chain r ON e.manager_id = r.id;
