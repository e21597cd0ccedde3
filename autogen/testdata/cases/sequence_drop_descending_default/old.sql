-- A descending sequence feeds a column; the upgrade drops it. The
-- downgrade recreates it and must continue below the smallest value the
-- column holds.
CREATE SEQUENCE ticket_no INCREMENT BY -1 MINVALUE -1000000 MAXVALUE -1 START -1;
CREATE TABLE tickets (id int PRIMARY KEY, no integer NOT NULL DEFAULT nextval('ticket_no'));
