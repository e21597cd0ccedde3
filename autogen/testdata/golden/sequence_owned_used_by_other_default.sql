-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_owned_used_by_other_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SEQUENCE public.invoice_numbers AS integer MINVALUE 1000 START WITH 1000;

ALTER TABLE public.invoices ALTER COLUMN number SET DEFAULT ('INV-'::text || (nextval('public.invoice_numbers'::regclass))::text);

-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.invoices under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.invoices ALTER COLUMN number SET NOT NULL;

-- hazard table-rewrite (volatile-default): the default of public.invoices.seq is volatile: every row is rewritten
ALTER TABLE public.invoices ADD COLUMN seq integer DEFAULT nextval('public.invoice_numbers'::regclass) NOT NULL;

ALTER SEQUENCE public.invoice_numbers OWNED BY public.invoices.seq;

-- migrate:downgrade
ALTER SEQUENCE public.invoice_numbers OWNED BY NONE;

-- hazard data-loss (drop-column): dropping column public.invoices.seq deletes its data
ALTER TABLE public.invoices DROP COLUMN seq;

ALTER TABLE public.invoices ALTER COLUMN number DROP DEFAULT;

ALTER TABLE public.invoices ALTER COLUMN number DROP NOT NULL;

-- hazard data-loss: the current value of sequence public.invoice_numbers is lost
DROP SEQUENCE public.invoice_numbers;

