-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_new_default_on_filled_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SEQUENCE public.seat_desc AS smallint INCREMENT BY -1 MINVALUE -32000 MAXVALUE -1 START WITH -1 CACHE 1 NO CYCLE;

CREATE SEQUENCE public.ticket_ref AS bigint INCREMENT BY 5 START WITH 50;

ALTER TABLE public.tickets ALTER COLUMN seat SET DEFAULT nextval('public.seat_desc'::regclass);

ALTER TABLE public.tickets ALTER COLUMN ref SET DEFAULT nextval('public.ticket_ref'::regclass);

SELECT setval('public.seat_desc'::regclass, greatest(min(seat), -32000)) FROM public.tickets HAVING min(seat) <= -1;

SELECT setval('public.ticket_ref'::regclass, max(ref)) FROM public.tickets HAVING max(ref) >= 50;

-- migrate:downgrade
ALTER TABLE public.tickets ALTER COLUMN seat DROP DEFAULT;

ALTER TABLE public.tickets ALTER COLUMN ref DROP DEFAULT;

-- hazard data-loss: the current value of sequence public.seat_desc is lost
DROP SEQUENCE public.seat_desc;

-- hazard data-loss: the current value of sequence public.ticket_ref is lost
DROP SEQUENCE public.ticket_ref;

