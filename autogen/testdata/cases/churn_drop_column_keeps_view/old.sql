-- Dropping a column no view reads leaves the views alone.
CREATE TABLE users (id int PRIMARY KEY, name text, legacy text);
CREATE VIEW user_names AS SELECT id, name FROM users;
CREATE VIEW user_count AS SELECT count(*) AS n FROM users;
CREATE MATERIALIZED VIEW user_ids AS SELECT id FROM users;
INSERT INTO users VALUES (1, 'ada', 'x');
