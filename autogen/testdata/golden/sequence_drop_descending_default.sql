-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_drop_descending_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.tickets ALTER COLUMN no DROP DEFAULT;

-- hazard data-loss: the current value of sequence public.ticket_no is lost
DROP SEQUENCE public.ticket_no;

-- migrate:downgrade
CREATE SEQUENCE public.ticket_no AS bigint INCREMENT BY -1 MINVALUE -1000000 MAXVALUE -1 START WITH -1 CACHE 1 NO CYCLE;

ALTER TABLE public.tickets ALTER COLUMN no SET DEFAULT nextval('public.ticket_no'::regclass);

SELECT setval('public.ticket_no'::regclass, greatest(min(no), -1000000)) FROM public.tickets HAVING min(no) <= -1;

