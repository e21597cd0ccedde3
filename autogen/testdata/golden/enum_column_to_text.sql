-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_column_to_text
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.tickets ALTER COLUMN state DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.tickets.state from public.ticket_state to text rewrites public.tickets and its indexes
ALTER TABLE public.tickets ALTER COLUMN state TYPE text;

ALTER TABLE public.tickets ALTER COLUMN state SET DEFAULT 'open'::text;

DROP TYPE public.ticket_state;

-- migrate:downgrade
CREATE TYPE public.ticket_state AS ENUM ('open', 'closed');

ALTER TABLE public.tickets ALTER COLUMN state DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.tickets.state from text to public.ticket_state rewrites public.tickets and its indexes
-- hazard unsafe-cast: converting public.tickets.state from text to public.ticket_state fails if a value does not convert
ALTER TABLE public.tickets ALTER COLUMN state TYPE public.ticket_state USING state::public.ticket_state;

ALTER TABLE public.tickets ALTER COLUMN state SET DEFAULT 'open'::public.ticket_state;

