CREATE TABLE tickets (id serial, opened date NOT NULL DEFAULT '2024-01-01', title text NOT NULL, PRIMARY KEY (id, opened));
CREATE VIEW open_tickets AS SELECT id, title FROM tickets;
INSERT INTO tickets (opened, title) VALUES ('2024-02-01', 'a'), ('2024-03-01', 'b');
