-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_bigint_to_timestamp
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.events_at_idx;

-- hazard data-loss (drop-column): column public.events.at is dropped and added again, deleting its data: PostgreSQL has no cast from bigint to timestamp with time zone (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)
ALTER TABLE public.events DROP COLUMN at;

ALTER TABLE public.events ADD COLUMN at timestamp with time zone DEFAULT now() NOT NULL;

-- hazard index-build-blocks-writes (require-concurrent-index): index events_at_idx is built without CONCURRENTLY: writes to public.events block until it is done
CREATE INDEX events_at_idx ON public.events USING btree (at);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.events_at_idx;

-- hazard data-loss (drop-column): column public.events.at is dropped and added again, deleting its data: PostgreSQL has no cast from timestamp with time zone to bigint (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)
ALTER TABLE public.events DROP COLUMN at;

ALTER TABLE public.events ADD COLUMN at bigint DEFAULT 0 NOT NULL;

-- hazard index-build-blocks-writes (require-concurrent-index): index events_at_idx is built without CONCURRENTLY: writes to public.events block until it is done
CREATE INDEX events_at_idx ON public.events USING btree (at);

