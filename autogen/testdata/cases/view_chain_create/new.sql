CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true);

CREATE VIEW z_base AS SELECT id, name FROM users;
CREATE VIEW a_top AS SELECT count(*) AS n FROM z_base;
CREATE VIEW m_mid AS SELECT b.id FROM z_base b JOIN a_top t ON t.n > 0;
