-- A collation no column uses any more is dropped after the column changes;
-- a changed one (unused: a collation cannot be altered, and PostgreSQL
-- refuses to drop one in use) is dropped and created again.
CREATE COLLATION german (provider = icu, locale = 'de-AT');
CREATE TABLE names (id int PRIMARY KEY, name text, code text COLLATE "C");
