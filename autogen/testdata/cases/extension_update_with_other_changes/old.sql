CREATE EXTENSION cube VERSION '1.4';
CREATE TABLE points (id int, p cube);
INSERT INTO points VALUES (1, '(1,2)');
