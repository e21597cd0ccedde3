-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_in_schema
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS audit;

CREATE SEQUENCE audit.event_seq AS integer INCREMENT BY -1 MINVALUE -100 MAXVALUE 100 START WITH -100 CACHE 1 NO CYCLE;

-- migrate:downgrade
-- hazard data-loss: the current value of sequence audit.event_seq is lost
DROP SEQUENCE audit.event_seq;

DROP SCHEMA audit;

