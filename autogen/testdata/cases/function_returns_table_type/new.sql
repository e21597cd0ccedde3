CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE FUNCTION find_user(uid int) RETURNS users LANGUAGE sql STABLE AS 'SELECT * FROM users WHERE id = uid';
CREATE FUNCTION all_users() RETURNS SETOF users LANGUAGE sql STABLE AS 'SELECT * FROM users';
