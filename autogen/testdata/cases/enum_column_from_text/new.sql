CREATE TYPE ticket_state AS ENUM ('open', 'closed');
CREATE TABLE tickets (id int PRIMARY KEY, state ticket_state NOT NULL);
