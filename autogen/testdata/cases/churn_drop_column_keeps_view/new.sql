CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE VIEW user_names AS SELECT id, name FROM users;
CREATE VIEW user_count AS SELECT count(*) AS n FROM users;
CREATE MATERIALIZED VIEW user_ids AS SELECT id FROM users;
