-- migrate:revision 00000000002b
-- migrate:message prefer-bigint-ids fires

-- migrate:upgrade
CREATE TABLE tags (id serial PRIMARY KEY, name text);

CREATE TABLE labels (id integer GENERATED ALWAYS AS IDENTITY, name text);

CREATE TABLE kinds (id int, name text, PRIMARY KEY (id));

-- migrate:downgrade
DROP TABLE kinds;

DROP TABLE labels;

DROP TABLE tags;
