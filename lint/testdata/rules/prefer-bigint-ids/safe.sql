-- migrate:revision 00000000002c
-- migrate:message prefer-bigint-ids safe

-- migrate:upgrade
CREATE TABLE tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text, uses integer);

CREATE TABLE labels (id bigserial PRIMARY KEY);

-- migrate:downgrade
DROP TABLE labels;

DROP TABLE tags;
