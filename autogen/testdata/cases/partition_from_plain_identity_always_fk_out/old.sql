CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE audit (id bigint GENERATED ALWAYS AS IDENTITY, user_id int REFERENCES users, at timestamptz NOT NULL DEFAULT '2024-01-01', note text);
CREATE INDEX audit_user_idx ON audit (user_id);
INSERT INTO users VALUES (1), (2);
INSERT INTO audit (user_id, at, note) VALUES (1, '2024-01-05', 'x'), (2, '2024-06-01', 'y');
