CREATE TABLE tickets (
    id serial PRIMARY KEY,
    subject text NOT NULL,
    status text NOT NULL DEFAULT 'open',
    priority int NOT NULL DEFAULT 2
);
CREATE INDEX tickets_status_idx ON tickets (status);
