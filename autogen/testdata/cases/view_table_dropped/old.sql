CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE TABLE gone (id int PRIMARY KEY);
CREATE VIEW gone_view AS SELECT g.id, u.name FROM gone g JOIN users u USING (id);
