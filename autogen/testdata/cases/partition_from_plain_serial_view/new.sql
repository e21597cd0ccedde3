CREATE TABLE tickets (id serial, opened date NOT NULL DEFAULT '2024-01-01', title text NOT NULL, PRIMARY KEY (id, opened)) PARTITION BY RANGE (opened);
CREATE TABLE tickets_all PARTITION OF tickets FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
CREATE VIEW open_tickets AS SELECT id, title FROM tickets;
