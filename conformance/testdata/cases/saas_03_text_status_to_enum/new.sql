-- Free-text status becomes an enum; priority too.
CREATE TYPE ticket_status AS ENUM ('open', 'pending', 'solved', 'closed');
CREATE TYPE ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');

CREATE TABLE tickets (
    id serial PRIMARY KEY,
    subject text NOT NULL,
    status ticket_status NOT NULL DEFAULT 'open',
    priority int NOT NULL DEFAULT 2,
    level ticket_priority NOT NULL DEFAULT 'normal'
);
CREATE INDEX tickets_status_idx ON tickets (status);
CREATE INDEX tickets_open_idx ON tickets (id) WHERE status = 'open';
