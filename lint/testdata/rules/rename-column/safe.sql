-- migrate:revision 000000000020
-- migrate:message rename-column safe

-- migrate:upgrade
ALTER TABLE users ADD COLUMN full_name text;

ALTER TABLE users RENAME COLUMN full_name TO display_name;

CREATE TABLE teams (nm text);

ALTER TABLE teams RENAME COLUMN nm TO name;

-- migrate:downgrade
DROP TABLE teams;

ALTER TABLE users DROP COLUMN display_name;
