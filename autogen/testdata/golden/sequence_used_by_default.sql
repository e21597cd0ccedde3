-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_used_by_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SEQUENCE public.invoice_no AS bigint START WITH 1000;

ALTER TABLE public.invoices ALTER COLUMN no SET DEFAULT nextval('public.invoice_no'::regclass);

-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.invoices under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.invoices ALTER COLUMN no SET NOT NULL;

SELECT setval('public.invoice_no'::regclass, max(no)) FROM public.invoices HAVING max(no) >= 1000;

-- migrate:downgrade
ALTER TABLE public.invoices ALTER COLUMN no DROP DEFAULT;

ALTER TABLE public.invoices ALTER COLUMN no DROP NOT NULL;

-- hazard data-loss: the current value of sequence public.invoice_no is lost
DROP SEQUENCE public.invoice_no;

