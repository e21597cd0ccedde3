-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_generated_reads_retyped_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.lines_total_idx;

-- hazard data-loss (drop-column): dropping column public.lines.total deletes its data
ALTER TABLE public.lines DROP COLUMN total;

-- hazard table-rewrite (change-column-type): changing the type of public.lines.price from numeric(10,2) to numeric(12,4) rewrites public.lines and its indexes
ALTER TABLE public.lines ALTER COLUMN price TYPE numeric(12,4);

-- hazard table-rewrite (volatile-default): a stored generated column public.lines.total is computed for every row, rewriting the table
ALTER TABLE public.lines ADD COLUMN total numeric GENERATED ALWAYS AS (((qty)::numeric * price)) STORED;

-- hazard index-build-blocks-writes (require-concurrent-index): index lines_total_idx is built without CONCURRENTLY: writes to public.lines block until it is done
CREATE INDEX lines_total_idx ON public.lines USING btree (total);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.lines_total_idx;

-- hazard data-loss (drop-column): dropping column public.lines.total deletes its data
ALTER TABLE public.lines DROP COLUMN total;

-- hazard full-scan: this guard reads every row of public.lines and stops the revision if converting public.lines.price from numeric(12,4) to numeric(10,2) would change a value
DO $guard$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM public.lines WHERE price IS DISTINCT FROM (price::numeric(10,2))::numeric(12,4);
    IF changed > 0 THEN
        RAISE EXCEPTION 'converting public.lines.price from numeric(12,4) to numeric(10,2) would change % value(s)', changed
            USING ERRCODE = 'data_exception', HINT = 'Change those values first, or write the conversion by hand.';
    END IF;
END
$guard$;

-- hazard table-rewrite (change-column-type): changing the type of public.lines.price from numeric(12,4) to numeric(10,2) rewrites public.lines and its indexes
-- hazard unsafe-cast: converting public.lines.price from numeric(12,4) to numeric(10,2) can round or trim values; the guard above stops the revision if it would change one, and the conversion fails if a value does not fit
ALTER TABLE public.lines ALTER COLUMN price TYPE numeric(10,2);

-- hazard table-rewrite (volatile-default): a stored generated column public.lines.total is computed for every row, rewriting the table
ALTER TABLE public.lines ADD COLUMN total numeric GENERATED ALWAYS AS (((qty)::numeric * price)) STORED;

-- hazard index-build-blocks-writes (require-concurrent-index): index lines_total_idx is built without CONCURRENTLY: writes to public.lines block until it is done
CREATE INDEX lines_total_idx ON public.lines USING btree (total);

