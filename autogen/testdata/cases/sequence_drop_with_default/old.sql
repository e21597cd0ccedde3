CREATE SEQUENCE invoice_no START 1000;
CREATE TABLE invoices (id int PRIMARY KEY, no bigint DEFAULT nextval('invoice_no'));
