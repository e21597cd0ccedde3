-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_drop_bounded_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.batches ALTER COLUMN no DROP DEFAULT;

-- hazard data-loss: the current value of sequence public.batch_no is lost
DROP SEQUENCE public.batch_no;

-- migrate:downgrade
CREATE SEQUENCE public.batch_no AS smallint MINVALUE 10 MAXVALUE 30000 START WITH 100;

ALTER TABLE public.batches ALTER COLUMN no SET DEFAULT nextval('public.batch_no'::regclass);

SELECT setval('public.batch_no'::regclass, least(max(no), 30000)) FROM public.batches HAVING max(no) >= 100;

