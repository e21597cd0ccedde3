CREATE SEQUENCE ticket_ref START 50 INCREMENT 5;
CREATE SEQUENCE seat_desc AS smallint START -1 INCREMENT -1 MINVALUE -32000 MAXVALUE -1;
CREATE TABLE tickets (id int PRIMARY KEY, seat smallint NOT NULL DEFAULT nextval('seat_desc'), ref bigint DEFAULT nextval('ticket_ref'));
