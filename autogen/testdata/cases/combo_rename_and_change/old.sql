CREATE TABLE client (id int PRIMARY KEY, nm varchar(50), phone text);
INSERT INTO client VALUES (1, 'x', '123');
