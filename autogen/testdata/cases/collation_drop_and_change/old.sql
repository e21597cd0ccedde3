CREATE COLLATION german (provider = icu, locale = 'de-DE');
CREATE COLLATION legacy (provider = libc, lc_collate = 'C', lc_ctype = 'C');
CREATE TABLE names (id int PRIMARY KEY, name text, code text COLLATE legacy);
