-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SEQUENCE public.ticket_no AS bigint INCREMENT BY 5 START WITH 100;

-- migrate:downgrade
-- hazard data-loss: the current value of sequence public.ticket_no is lost
DROP SEQUENCE public.ticket_no;

