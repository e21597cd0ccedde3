-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_drop_with_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.invoices ALTER COLUMN no DROP DEFAULT;

-- hazard data-loss: the current value of sequence public.invoice_no is lost
DROP SEQUENCE public.invoice_no;

-- migrate:downgrade
CREATE SEQUENCE public.invoice_no AS bigint START WITH 1000;

ALTER TABLE public.invoices ALTER COLUMN no SET DEFAULT nextval('public.invoice_no'::regclass);

SELECT setval('public.invoice_no'::regclass, max(no)) FROM public.invoices HAVING max(no) >= 1000;

