-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss: the current value of sequence public.ticket_no is lost
DROP SEQUENCE public.ticket_no;

-- migrate:downgrade
CREATE SEQUENCE public.ticket_no AS bigint;

