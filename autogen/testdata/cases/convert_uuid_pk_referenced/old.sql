-- A primary key without a cast to its new type, referenced by a foreign
-- key: both columns are recreated, the key and the foreign key follow.
-- (Without rows: adding back a NOT NULL column without a default needs an
-- empty table, as the downgrade's hazard says.)
CREATE TABLE orgs (id bigint PRIMARY KEY, name text);
CREATE TABLE members (id int PRIMARY KEY, org_id bigint REFERENCES orgs);
