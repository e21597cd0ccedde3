-- migrate:revision 00000000001a
-- migrate:message drop-column safe

-- migrate:upgrade
ALTER TABLE users ADD COLUMN nickname text;

CREATE TABLE drafts (id bigint, body text);

ALTER TABLE drafts DROP COLUMN body;

-- migrate:downgrade
-- Undoing the upgrade: the downgrade drops what the upgrade added.
ALTER TABLE users DROP COLUMN nickname;

DROP TABLE drafts;
